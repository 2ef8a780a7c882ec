#pragma once
/// The life of a saved hierarchy's snapshots (ict_snapshots, migration 5): a run writes a staging
/// snapshot that nothing reads; promote() makes it current in one short transaction (the previous
/// one is retired with it), so a failed, cancelled or killed run leaves the last good hierarchy
/// and its Last Update exactly as they were; purge() then deletes a retired or abandoned
/// snapshot's rows a slice per transaction, never holding a long write lock.
///
/// A run only touches snapshots of an instance while it holds that instance's lease (see
/// RunLeaseRepository), so two runs never stage or promote at once. Thread-safe (a pooled session
/// per call). Throws Poco::Exception on a database failure.

#include "storage/HierarchyTypes.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ict::storage {

class SnapshotStore {
public:
    explicit SnapshotStore(bss::sdk::Database& database);

    /// The saved state of `key` (with its current snapshot id), or nullopt when nothing was saved.
    std::optional<InstanceState> state(const HierarchyKey& key) const;

    /// A new, empty staging snapshot of `key` for run `runId`; returns its id.
    std::int64_t createStaging(const HierarchyKey& key, const std::string& runId,
                               const std::string& createdAt);

    /// In one transaction: `staging` becomes the current snapshot of `key`, the previous current
    /// one (if any) is retired, and the state row takes `stamp`. `fence` runs first in the same
    /// transaction and may throw to refuse the swap (a run that lost its lease). Returns the
    /// retired snapshot's id (0 when there was none): purge() it afterwards.
    std::int64_t promote(const HierarchyKey& key, std::int64_t staging, const SaveStamp& stamp,
                         const std::function<void(Poco::Data::Session&)>& fence = {});

    /// The current snapshot of `key`, created empty (with its state row stamped `stamp`) when
    /// there is none yet. For writers that change the current snapshot in place (a single update,
    /// an import's status refresh). Runs in `session`'s transaction.
    std::int64_t currentOrCreate(Poco::Data::Session& session, const HierarchyKey& key,
                                 const SaveStamp& stamp);

    /// Stamps the state row of `key` (saved_at, last_run_id, and Last Update and the covered time
    /// when set), in `session`'s transaction; locks the row first (see lockState()).
    void stamp(Poco::Data::Session& session, const HierarchyKey& key, const SaveStamp& stamp);

    /// Deletes `snapshot`'s rows (tenants, subscriptions, resellers, spooled customers) a slice of
    /// tenants per transaction, then its ict_snapshots row.
    void purge(std::int64_t snapshot);

    /// Purges every staging or retired snapshot of `key`: what runs that died left behind.
    /// Returns how many were purged.
    std::size_t purgeLeftovers(const HierarchyKey& key);

private:
    bss::sdk::Database& _database;
};

/// The current snapshot of `key` read on `session`; nullopt when nothing was saved.
std::optional<std::int64_t> currentSnapshot(Poco::Data::Session& session,
                                            bss::sdk::SqlDialect dialect, const HierarchyKey& key);

/// The first statement of a transaction that changes what `key`'s current snapshot holds: locks
/// its state row, so such writers take turns (PostgreSQL: a row lock until commit; SQLite: the
/// write lock is taken at once instead of upgraded from a read lock later).
void lockState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const HierarchyKey& key);

} // namespace ict::storage
