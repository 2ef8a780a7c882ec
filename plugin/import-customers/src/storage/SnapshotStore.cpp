#include "storage/SnapshotStore.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

/// Tenants whose rows one purge transaction deletes (about 6,000 subscription rows): short enough
/// that readers and other writers barely notice, long enough that a 100,000-tenant snapshot takes
/// a hundred transactions.
constexpr int kTenantsPerPurgeSlice = 1000;

std::int64_t insertSnapshot(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                            const HierarchyKey& key, const std::string& runId,
                            const std::string& state, const std::string& createdAt) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId, id = 0;
    std::string run = runId, s = state, at = createdAt;
    session << forDialect(dialect, "INSERT INTO ict_snapshots (organization_id, instance_id,"
                                   " run_id, state, created_at) VALUES (?, ?, ?, ?, ?)"
                                   " RETURNING id"),
        use(org), use(instance), use(run), use(s), use(at), into(id), now;
    return id;
}

} // namespace

std::optional<std::int64_t> currentSnapshot(Poco::Data::Session& session,
                                            bss::sdk::SqlDialect dialect, const HierarchyKey& key) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::vector<Poco::Nullable<Poco::Int64>> ids;
    session << forDialect(dialect, "SELECT snapshot_id FROM ict_instance_state"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), into(ids), now;
    if (ids.empty() || ids.front().isNull())
        return std::nullopt;
    return ids.front().value();
}

namespace {

bool hasStateRow(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                 const HierarchyKey& key) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    int rows = 0;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_instance_state"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        into(rows), use(org), use(instance), now;
    return rows > 0;
}

void pointStateAt(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                  const HierarchyKey& key, std::int64_t snapshot, const SaveStamp& stamp) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId, id = snapshot;
    std::string run = stamp.runId, saved = stamp.savedAt;
    if (!hasStateRow(session, dialect, key))
        session << forDialect(dialect, "INSERT INTO ict_instance_state (organization_id,"
                                       " instance_id, saved_at, last_run_id, snapshot_id)"
                                       " VALUES (?, ?, ?, ?, ?)"),
            use(org), use(instance), use(saved), use(run), use(id), now;
    else
        session << forDialect(dialect, "UPDATE ict_instance_state SET snapshot_id = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(id), use(org), use(instance), now;
}

void setSnapshotState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                      std::int64_t snapshot, const std::string& state) {
    Poco::Int64 id = snapshot;
    std::string s = state;
    session << forDialect(dialect, "UPDATE ict_snapshots SET state = ? WHERE id = ?"), use(s),
        use(id), now;
}

/// Deletes from `table` the rows of `snapshot` whose `column` is at most `bound` (all of them
/// when `bound` is empty).
void deleteUpTo(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const char* table,
                std::int64_t snapshot, const char* column,
                const std::optional<std::string>& bound) {
    Poco::Int64 id = snapshot;
    if (!bound) {
        session << forDialect(dialect,
                              std::string("DELETE FROM ") + table + " WHERE snapshot_id = ?"),
            use(id), now;
        return;
    }
    std::string b = *bound;
    session << forDialect(dialect, std::string("DELETE FROM ") + table +
                                       " WHERE snapshot_id = ? AND " + column + " <= ?"),
        use(id), use(b), now;
}

} // namespace

void lockState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
               const HierarchyKey& key) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    session << forDialect(dialect, "UPDATE ict_instance_state SET last_run_id = last_run_id"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
}

SnapshotStore::SnapshotStore(bss::sdk::Database& database) : _database(database) {}

std::optional<InstanceState> SnapshotStore::state(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT last_mass_update_at, saved_at, last_run_id,"
                         " changes_covered_until, snapshot_id FROM ict_instance_state"
                         " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    InstanceState state;
    if (!rows.value(0, 0).isEmpty())
        state.lastMassUpdateAt = rows.value(0, 0).convert<std::string>();
    state.savedAt = rows.value(1, 0).convert<std::string>();
    state.lastRunId = rows.value(2, 0).convert<std::string>();
    if (!rows.value(3, 0).isEmpty())
        state.changesCoveredUntil = rows.value(3, 0).convert<std::string>();
    if (!rows.value(4, 0).isEmpty())
        state.snapshotId = rows.value(4, 0).convert<Poco::Int64>();
    return state;
}

std::int64_t SnapshotStore::createStaging(const HierarchyKey& key, const std::string& runId,
                                          const std::string& createdAt) {
    Poco::Data::Session session = _database.session();
    return insertSnapshot(session, _database.dialect(), key, runId, "staging", createdAt);
}

std::int64_t SnapshotStore::promote(const HierarchyKey& key, std::int64_t staging,
                                    const SaveStamp& stamp,
                                    const std::function<void(Poco::Data::Session&)>& fence) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    std::int64_t retired = 0;
    {
        Poco::Data::Transaction transaction(session);
        lockState(session, dialect, key);
        if (fence)
            fence(session);
        if (const std::optional<std::int64_t> previous = currentSnapshot(session, dialect, key)) {
            retired = *previous;
            setSnapshotState(session, dialect, retired, "retired");
        }
        setSnapshotState(session, dialect, staging, "current");
        pointStateAt(session, dialect, key, staging, stamp);
        this->stamp(session, key, stamp);
        transaction.commit();
    }
    // The whole instance was rewritten: without fresh statistics (autovacuum takes up to a
    // minute) PostgreSQL's planner cannot tell how many rows the new snapshot has, and may sort
    // them all for each page of the tenant list instead of reading the sort's index.
    if (dialect == bss::sdk::SqlDialect::PostgreSQL)
        for (const char* table : {"ict_tenants", "ict_resellers"})
            session << std::string("ANALYZE ") + table, now;
    return retired;
}

std::int64_t SnapshotStore::currentOrCreate(Poco::Data::Session& session, const HierarchyKey& key,
                                            const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    if (const std::optional<std::int64_t> id = currentSnapshot(session, dialect, key))
        return *id;
    const std::int64_t id =
        insertSnapshot(session, dialect, key, stamp.runId, "current", stamp.savedAt);
    pointStateAt(session, dialect, key, id, stamp);
    return id;
}

void SnapshotStore::stamp(Poco::Data::Session& session, const HierarchyKey& key,
                          const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    lockState(session, dialect, key);
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string run = stamp.runId, saved = stamp.savedAt;
    if (!hasStateRow(session, dialect, key))
        session << forDialect(dialect, "INSERT INTO ict_instance_state (organization_id,"
                                       " instance_id, saved_at, last_run_id) VALUES (?, ?, ?, ?)"),
            use(org), use(instance), use(saved), use(run), now;
    session << forDialect(dialect, "UPDATE ict_instance_state SET saved_at = ?, last_run_id = ?"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(saved), use(run), use(org), use(instance), now;
    if (stamp.massUpdateAt) {
        std::string mass = *stamp.massUpdateAt;
        session << forDialect(dialect, "UPDATE ict_instance_state SET last_mass_update_at = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(mass), use(org), use(instance), now;
    }
    if (stamp.changesCoveredUntil) {
        std::string covered = *stamp.changesCoveredUntil;
        session << forDialect(dialect, "UPDATE ict_instance_state SET changes_covered_until = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(covered), use(org), use(instance), now;
    }
}

void SnapshotStore::purge(std::int64_t snapshot) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = snapshot;
    Poco::Int64 skip = kTenantsPerPurgeSlice - 1;
    for (;;) {
        std::vector<std::string> bound;
        session << forDialect(dialect, "SELECT tenant_id FROM ict_tenants WHERE snapshot_id = ?"
                                       " ORDER BY tenant_id LIMIT 1 OFFSET ?"),
            use(id), use(skip), into(bound), now;
        const std::optional<std::string> upTo =
            bound.empty() ? std::nullopt : std::optional<std::string>(bound.front());
        Poco::Data::Transaction transaction(session);
        deleteUpTo(session, dialect, "ict_subscriptions", snapshot, "tenant_id", upTo);
        deleteUpTo(session, dialect, "ict_tenants", snapshot, "tenant_id", upTo);
        transaction.commit();
        if (!upTo)
            break;
    }
    for (;;) {
        std::vector<Poco::Int64> bound;
        Poco::Int64 skipCustomers = kTenantsPerPurgeSlice * 5 - 1;
        session << forDialect(dialect, "SELECT position FROM ict_crawl_customers WHERE"
                                       " snapshot_id = ? ORDER BY position LIMIT 1 OFFSET ?"),
            use(id), use(skipCustomers), into(bound), now;
        if (bound.empty()) {
            session << forDialect(dialect, "DELETE FROM ict_crawl_customers WHERE snapshot_id = ?"),
                use(id), now;
            break;
        }
        Poco::Int64 upTo = bound.front();
        session << forDialect(dialect, "DELETE FROM ict_crawl_customers WHERE snapshot_id = ?"
                                       " AND position <= ?"),
            use(id), use(upTo), now;
    }
    Poco::Data::Transaction transaction(session);
    deleteUpTo(session, dialect, "ict_resellers", snapshot, "mpn_id", std::nullopt);
    session << forDialect(dialect, "DELETE FROM ict_snapshots WHERE id = ?"), use(id), now;
    transaction.commit();
}

std::size_t SnapshotStore::purgeLeftovers(const HierarchyKey& key) {
    std::vector<Poco::Int64> ids;
    {
        Poco::Data::Session session = _database.session();
        Poco::Int64 org = key.organizationId, instance = key.instanceId;
        session << forDialect(_database.dialect(),
                              "SELECT id FROM ict_snapshots WHERE organization_id = ? AND"
                              " instance_id = ? AND state IN ('staging', 'retired')"),
            use(org), use(instance), into(ids), now;
    }
    for (Poco::Int64 id : ids)
        purge(id);
    return ids.size();
}

} // namespace ict::storage
