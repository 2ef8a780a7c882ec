#include "application/InstanceClients.h"

namespace ict::application {

InstanceClients::InstanceClients(bss::sdk::HostServices& services, gateway::GatewayLogger& logger,
                                 gateway::ClientOptions options)
    : _services(services), _logger(logger), _options(options) {}

std::shared_ptr<gateway::PartnerCenterClient>
InstanceClients::clientFor(const bss::sdk::Organization& caller, std::int64_t instanceId) {
    // Read now, from the owner's record: an endpoint changed by the owner takes effect at once.
    bss::sdk::InstanceCredentials credentials =
        _services.instances().credentials(instanceId, caller);
    const std::string endpoint =
        credentials.partnerCenterUrl + "|" + credentials.loginUrl + "|" + credentials.caBundlePath;
    credentials.appSecret.clear();
    credentials.refreshToken.clear();

    std::lock_guard<std::mutex> lock(_mutex);
    Entry& entry = _entries[{caller.id, instanceId}];
    if (!entry.bound || entry.endpoint != endpoint) {
        // A run still holding the old client keeps it alive until it ends.
        entry.bound = std::make_shared<BoundClient>(credentials, _services.instances(), caller,
                                                    _logger, _options);
        entry.endpoint = endpoint;
    }
    return std::shared_ptr<gateway::PartnerCenterClient>(entry.bound, &entry.bound->client);
}

} // namespace ict::application
