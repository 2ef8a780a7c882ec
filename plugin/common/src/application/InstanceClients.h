#pragma once
/// One Partner Center client per instance, kept for the tool's life so the access token, its
/// refreshes, the keep-alive sessions and the rate limit are shared by every run on that instance,
/// whichever organization runs it: the owner's runs and its country tenants' (which use the
/// owner's credential record, [S14]) redeem one refresh token through one TokenManager.
///
/// Every clientFor() asks the host whether the caller may use the instance. A client is rebuilt
/// when the instance's endpoint or CA bundle changed since it was made (a run still holding the
/// old one keeps it until it ends); the secrets are never kept here (the client reads them
/// through the host at each token refresh). Thread-safe.

#include "gateway/ClientOptions.h"
#include "gateway/DirectoryTokenStore.h"
#include "gateway/GatewayLogger.h"
#include "gateway/PartnerCenterClient.h"

#include <bss/sdk/HostServices.h>

#include <map>
#include <memory>
#include <mutex>

namespace ict::application {

class InstanceClients {
public:
    InstanceClients(bss::sdk::HostServices& services, gateway::GatewayLogger& logger,
                    gateway::ClientOptions options);

    /// The client of `instanceId` for `caller`. Throws bss::sdk::ToolError(NotFound) when the
    /// caller may not use the instance (the host's rule, [S14]).
    std::shared_ptr<gateway::PartnerCenterClient> clientFor(const bss::sdk::Organization& caller,
                                                            std::int64_t instanceId);

    const gateway::ClientOptions& options() const { return _options; }

private:
    /// A client with the token store it reads credentials through; they live and die together.
    struct BoundClient {
        BoundClient(const bss::sdk::InstanceCredentials& credentials,
                    bss::sdk::InstanceDirectory& directory, const bss::sdk::Organization& owner,
                    gateway::GatewayLogger& logger, const gateway::ClientOptions& options)
            : tokens(directory, credentials.instanceId, owner),
              client(credentials, tokens, logger, options) {}
        gateway::DirectoryTokenStore tokens;
        gateway::PartnerCenterClient client;
    };
    struct Entry {
        /// Owner id, partnerCenterUrl, loginUrl and caBundlePath it was built with.
        std::string endpoint;
        std::shared_ptr<BoundClient> bound;
    };

    bss::sdk::HostServices& _services;
    gateway::GatewayLogger& _logger;
    gateway::ClientOptions _options;
    std::mutex _mutex;
    std::map<std::int64_t, Entry> _entries; ///< By instance id.
};

} // namespace ict::application
