#include "application/InstanceClients.h"

#include <bss/sdk/ToolError.h>

namespace ict::application {

InstanceClients::InstanceClients(bss::sdk::HostServices& services, gateway::GatewayLogger& logger,
                                 gateway::ClientOptions options)
    : _services(services), _logger(logger), _options(options) {}

std::shared_ptr<gateway::PartnerCenterClient>
InstanceClients::clientFor(const bss::sdk::Organization& caller, std::int64_t instanceId) {
    // Read now, from the owner's record: an endpoint changed by the owner takes effect at once.
    // credentials() is also the host's check that the caller may use the instance.
    bss::sdk::InstanceCredentials credentials =
        _services.instances().credentials(instanceId, caller);
    credentials.appSecret.clear();
    credentials.refreshToken.clear();
    bss::sdk::Organization owner;
    for (const bss::sdk::InstanceInfo& info : _services.instances().instancesFor(caller))
        if (info.id == instanceId) {
            owner.id = info.ownerOrganizationId;
            owner.name = info.ownerOrganizationName;
        }
    if (owner.id == 0)
        throw bss::sdk::ToolError(bss::sdk::ErrorCode::NotFound,
                                  "Instance " + std::to_string(instanceId) +
                                      " is not available to this organization.",
                                  "instanceId");
    const std::string endpoint = std::to_string(owner.id) + "|" + credentials.partnerCenterUrl +
                                 "|" + credentials.loginUrl + "|" + credentials.caBundlePath;

    std::lock_guard<std::mutex> lock(_mutex);
    Entry& entry = _entries[instanceId];
    if (!entry.bound || entry.endpoint != endpoint) {
        // A run still holding the old client keeps it alive until it ends.
        entry.bound = std::make_shared<BoundClient>(credentials, _services.instances(), owner,
                                                    _logger, _options);
        entry.endpoint = endpoint;
    }
    return std::shared_ptr<gateway::PartnerCenterClient>(entry.bound, &entry.bound->client);
}

} // namespace ict::application
