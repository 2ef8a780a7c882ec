#pragma once
/// A Microsoft Cloud Services instance as every tool's list-instances answers it: id, name,
/// cspModel, origin ("own" or "inherited"), ownerOrganization, partnerCenterUrl, partnerTenantId,
/// authenticated (a refresh token that has not expired by `now`), refreshTokenExpiresAt when known.
/// No secret is ever in it.

#include <bss/sdk/Instances.h>

#include <Poco/JSON/Object.h>

#include <chrono>

namespace ict::adapter {

Poco::JSON::Object::Ptr instanceJson(const bss::sdk::InstanceInfo& info,
                                     std::chrono::system_clock::time_point now);

} // namespace ict::adapter
