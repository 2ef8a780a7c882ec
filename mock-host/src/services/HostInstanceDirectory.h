#pragma once
/// bss::sdk::InstanceDirectory over the microsoft_instances table, with the [S14] rule: an
/// organization uses its own instances and, when it is a country tenant, its parent's (origin
/// InheritedFromParent); a simple tenant never sees its parent's. Credentials are read from the
/// owner's row at each call. Thread-safe.
#include "db/HostDatabase.h"

#include <bss/sdk/Clock.h>
#include <bss/sdk/Instances.h>

namespace mockhost {

class HostInstanceDirectory : public bss::sdk::InstanceDirectory {
public:
    HostInstanceDirectory(HostDatabase& database, bss::sdk::Clock& clock)
        : _database(database), _clock(clock) {}

    std::vector<bss::sdk::InstanceInfo>
    instancesFor(const bss::sdk::Organization& organization) override;
    bss::sdk::InstanceCredentials credentials(std::int64_t instanceId,
                                              const bss::sdk::Organization& caller) override;
    void storeRefreshToken(std::int64_t instanceId, const bss::sdk::Organization& caller,
                           const std::string& refreshToken, bss::sdk::TimePoint expiresAt) override;

    /// True when `caller` may use an instance owned by `ownerOrganizationId`.
    static bool mayUse(const bss::sdk::Organization& caller, std::int64_t ownerOrganizationId);

private:
    /// The owner's id of `instanceId`, or throws ToolError(NotFound) when it does not exist or
    /// `caller` may not use it (one message for both).
    std::int64_t checkedOwner(std::int64_t instanceId, const bss::sdk::Organization& caller);

    HostDatabase& _database;
    bss::sdk::Clock& _clock;
};

} // namespace mockhost
