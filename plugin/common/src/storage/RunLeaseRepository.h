#pragma once
/// One run at a time per organization's instance across every host that shares the database (a
/// table of the tool's own, see runLeaseTableSql(); the Import Customers Tool's is ict_run_leases,
/// its migration 5): a run (a Get Hierarchy, an import, a scan) takes the instance's lease before
/// it starts, renews it while it runs (a heartbeat) and gives it back when it ends. A host that
/// dies stops renewing; its lease expires and the run it left behind is marked interrupted, with
/// when and why, by the next run that takes the lease or by sweep() when a host starts. Times
/// are the database server's clock (nowMillisSql()), so hosts with skewed clocks agree.
///
/// Every change is one transaction: PostgreSQL locks the lease row (INSERT ... ON CONFLICT DO
/// NOTHING, then SELECT ... FOR UPDATE), SQLite takes its write lock with the first statement.
/// Thread-safe (a pooled session per call). Throws Poco::Exception on a database failure.

#include "storage/InstanceKey.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

struct RunLease {
    InstanceKey key;
    std::string holder;             ///< Which host process holds it (see leaseHolderName()).
    std::string runId;              ///< The run it covers (ict_runs.id).
    std::string kind;               ///< The job kind: "get-hierarchy", "import", ...
    std::string userLogin;          ///< Who started the run.
    std::string startedAt;          ///< ISO UTC.
    std::int64_t heartbeatAtMs = 0; ///< Database clock, ms since the epoch.
    std::int64_t expiresAtMs = 0;
};

/// What acquire() found.
struct LeaseOutcome {
    bool acquired = false;
    /// When not acquired: the live lease that holds the instance.
    std::optional<RunLease> holder;
    /// When acquired over an expired lease: the run that lease covered (now marked interrupted
    /// by the caller, see RunLeaseRepository::acquire), and when its lease expired.
    std::optional<RunLease> expired;
};

class RunLeaseRepository {
public:
    /// `table`: the tool's lease table (its own name, never user input).
    RunLeaseRepository(bss::sdk::Database& database, std::string table);

    /// Takes `wanted.key`'s lease for `wanted` (holder, run, kind, user, start), valid for `ttl`
    /// from now, unless another unexpired lease holds it (then returns that one, acquired false).
    /// An expired lease is taken over and returned in `expired`.
    LeaseOutcome acquire(const RunLease& wanted, std::chrono::milliseconds ttl);

    /// Extends the lease by `ttl` from now if `holder` still holds it for `runId`; false when it
    /// was lost (expired and taken by another run, or released).
    bool renew(const InstanceKey& key, const std::string& holder, const std::string& runId,
               std::chrono::milliseconds ttl);

    /// True when `holder` holds the unexpired lease of `key` for `runId`, read in `session` (the
    /// caller's transaction: a fence before a write that only the holder may make).
    bool holds(Poco::Data::Session& session, const InstanceKey& key, const std::string& holder,
               const std::string& runId);

    /// Gives the lease back if `holder` still holds it for `runId`.
    void release(const InstanceKey& key, const std::string& holder, const std::string& runId);

    /// The live leases: every lease not yet expired.
    std::vector<RunLease> live();

    /// Every expired lease, deleted: the runs they covered are to be marked interrupted.
    std::vector<RunLease> takeExpired();

private:
    bss::sdk::Database& _database;
    std::string _table;
};

/// The CREATE TABLE statement of a lease table named `table` (both dialects).
std::string runLeaseTableSql(const std::string& table);

/// "<host name> pid <pid> <8 hex digits>": names this process as a lease holder, unique per start.
std::string leaseHolderName();

/// The ISO UTC time of a database-clock instant in milliseconds.
std::string isoFromMillis(std::int64_t millis);

} // namespace ict::storage
