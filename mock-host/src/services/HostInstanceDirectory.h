#pragma once
/// bss::sdk::InstanceDirectory over the microsoft_instances table, with the [S14] rule: an
/// organization uses its own instances and, when it is a country tenant, its parent's (origin
/// InheritedFromParent); a simple tenant never sees its parent's. Credentials are read from the
/// owner's row at each call. Thread-safe.
///
/// redeemRefreshToken() makes a redemption exclusive twice over: a mutex per row among this
/// directory's threads, then the row's TokenLease among processes (and other directories) on the
/// same database. Waiting for either is bounded by TokenLeaseOptions::maxWait.
#include "db/HostDatabase.h"
#include "services/TokenLease.h"

#include <bss/sdk/Clock.h>
#include <bss/sdk/Instances.h>
#include <bss/sdk/Logger.h>

#include <map>
#include <memory>
#include <mutex>

namespace mockhost {

class HostInstanceDirectory : public bss::sdk::InstanceDirectory {
public:
    /// `logger` (optional, must outlive the directory) gets a warning for each failed attempt
    /// to store a rotated token; never the token.
    HostInstanceDirectory(HostDatabase& database, bss::sdk::Clock& clock,
                          bss::sdk::Logger* logger = nullptr, TokenLeaseOptions lease = {})
        : _database(database), _clock(clock), _logger(logger), _lease(lease) {}

    std::vector<bss::sdk::InstanceInfo>
    instancesFor(const bss::sdk::Organization& organization) override;
    bss::sdk::InstanceCredentials credentials(std::int64_t instanceId,
                                              const bss::sdk::Organization& caller) override;
    void storeRefreshToken(std::int64_t instanceId, const bss::sdk::Organization& caller,
                           const std::string& refreshToken, bss::sdk::TimePoint expiresAt) override;
    void redeemRefreshToken(std::int64_t instanceId, const bss::sdk::Organization& caller,
                            const bss::sdk::RefreshTokenRedeemer& redeem) override;

    /// True when `caller` may use an instance owned by `ownerOrganizationId`.
    static bool mayUse(const bss::sdk::Organization& caller, std::int64_t ownerOrganizationId);

private:
    /// The owner's id of `instanceId`, or throws ToolError(NotFound) when it does not exist or
    /// `caller` may not use it (one message for both).
    std::int64_t checkedOwner(std::int64_t instanceId, const bss::sdk::Organization& caller);

    /// The in-process lock of one row's redemptions.
    std::shared_ptr<std::timed_mutex> rowMutex(std::int64_t instanceId);

    HostDatabase& _database;
    bss::sdk::Clock& _clock;
    bss::sdk::Logger* _logger;
    const TokenLeaseOptions _lease;
    std::mutex _rowsMutex;
    std::map<std::int64_t, std::shared_ptr<std::timed_mutex>> _rows;
};

} // namespace mockhost
