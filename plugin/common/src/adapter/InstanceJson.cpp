#include "adapter/InstanceJson.h"

#include "domain/common/IsoTime.h"

namespace ict::adapter {

Poco::JSON::Object::Ptr instanceJson(const bss::sdk::InstanceInfo& info,
                                     std::chrono::system_clock::time_point now) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("id", info.id);
    item->set("name", info.name);
    item->set("cspModel", std::string(bss::sdk::cspModelName(info.cspModel)));
    item->set("origin",
              std::string(info.origin == bss::sdk::InstanceOrigin::Own ? "own" : "inherited"));
    item->set("ownerOrganization", info.ownerOrganizationName);
    item->set("partnerCenterUrl", info.partnerCenterUrl);
    item->set("partnerTenantId", info.partnerTenantId);
    const bool expired = info.refreshTokenExpiresAt && *info.refreshTokenExpiresAt <= now;
    item->set("authenticated", info.hasRefreshToken && !expired);
    if (info.refreshTokenExpiresAt)
        item->set("refreshTokenExpiresAt", domain::formatIsoUtc(*info.refreshTokenExpiresAt));
    return item;
}

} // namespace ict::adapter
