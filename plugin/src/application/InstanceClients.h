#pragma once
/// One Partner Center client per (organization, instance), kept for the tool's life so the access
/// token, the keep-alive sessions and the rate limit are shared by every run on that instance.
///
/// A client is rebuilt when the instance's endpoint or CA bundle changed since it was made; the
/// secrets are never kept here (the client reads them through the host at each token refresh).
/// Thread-safe.

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
                    bss::sdk::InstanceDirectory& directory, const bss::sdk::Organization& caller,
                    gateway::GatewayLogger& logger, const gateway::ClientOptions& options)
            : tokens(directory, credentials.instanceId, caller),
              client(credentials, tokens, logger, options) {}
        gateway::DirectoryTokenStore tokens;
        gateway::PartnerCenterClient client;
    };
    struct Entry {
        std::string endpoint; ///< partnerCenterUrl + loginUrl + caBundlePath it was built with.
        std::shared_ptr<BoundClient> bound;
    };

    bss::sdk::HostServices& _services;
    gateway::GatewayLogger& _logger;
    gateway::ClientOptions _options;
    std::mutex _mutex;
    std::map<std::pair<std::int64_t, std::int64_t>, Entry> _entries;
};

} // namespace ict::application
