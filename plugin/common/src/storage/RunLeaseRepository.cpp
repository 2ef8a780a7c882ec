#include "storage/RunLeaseRepository.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <Poco/Timestamp.h>
#include <Poco/UUIDGenerator.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

const char* const kLeaseColumns = "organization_id, instance_id, holder, run_id, kind, user_login,"
                                  " started_at, heartbeat_at_ms, expires_at_ms";

RunLease leaseAt(Poco::Data::RecordSet& rows, std::size_t r) {
    RunLease lease;
    lease.key.organizationId = rows.value(0, r).convert<Poco::Int64>();
    lease.key.instanceId = rows.value(1, r).convert<Poco::Int64>();
    lease.holder = rows.value(2, r).convert<std::string>();
    lease.runId = rows.value(3, r).convert<std::string>();
    lease.kind = rows.value(4, r).convert<std::string>();
    lease.userLogin = rows.value(5, r).convert<std::string>();
    lease.startedAt = rows.value(6, r).convert<std::string>();
    lease.heartbeatAtMs = rows.value(7, r).convert<Poco::Int64>();
    lease.expiresAtMs = rows.value(8, r).convert<Poco::Int64>();
    return lease;
}

Poco::Int64 databaseNow(Poco::Data::Session& session, bss::sdk::SqlDialect dialect) {
    Poco::Int64 now = 0;
    session << "SELECT " + nowMillisSql(dialect), into(now), Poco::Data::Keywords::now;
    return now;
}

std::vector<RunLease> select(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                             const std::string& table, const std::string& where, Poco::Int64 at,
                             bool forUpdate = false) {
    Poco::Data::Statement statement(session);
    statement << forDialect(
        dialect,
        std::string("SELECT ") + kLeaseColumns + " FROM " + table + " WHERE " + where +
            " ORDER BY organization_id, instance_id" +
            (forUpdate && dialect == bss::sdk::SqlDialect::PostgreSQL ? " FOR UPDATE" : "")),
        use(at), now;
    Poco::Data::RecordSet rows(statement);
    std::vector<RunLease> leases;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        leases.push_back(leaseAt(rows, r));
    return leases;
}

} // namespace

RunLeaseRepository::RunLeaseRepository(bss::sdk::Database& database, std::string table)
    : _database(database), _table(std::move(table)) {}

std::string runLeaseTableSql(const std::string& table) {
    return "CREATE TABLE " + table +
           " ("
           " organization_id BIGINT NOT NULL,"
           " instance_id BIGINT NOT NULL,"
           " holder TEXT NOT NULL,"
           " run_id TEXT NOT NULL,"
           " kind TEXT NOT NULL,"
           " user_login TEXT NOT NULL,"
           " started_at TEXT NOT NULL,"
           " heartbeat_at_ms BIGINT NOT NULL,"
           " expires_at_ms BIGINT NOT NULL,"
           " PRIMARY KEY (organization_id, instance_id))";
}

LeaseOutcome RunLeaseRepository::acquire(const RunLease& wanted, std::chrono::milliseconds ttl) {
    const auto dialect = _database.dialect();
    const bool postgres = dialect == bss::sdk::SqlDialect::PostgreSQL;
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    Poco::Int64 org = wanted.key.organizationId, instance = wanted.key.instanceId;
    Poco::Int64 ttlMs = ttl.count();
    RunLease w = wanted;
    const std::string nowSql = nowMillisSql(dialect);
    // Both dialects: the row exists afterwards, ours if nobody held it. On SQLite this first
    // write also takes the database's write lock for the whole transaction.
    session << forDialect(dialect, std::string("INSERT INTO " + _table + " (") + kLeaseColumns +
                                       ") VALUES (?, ?, ?, ?, ?, ?, ?, " + nowSql + ", " + nowSql +
                                       " + ?) ON CONFLICT DO NOTHING"),
        use(org), use(instance), use(w.holder), use(w.runId), use(w.kind), use(w.userLogin),
        use(w.startedAt), use(ttlMs), now;
    Poco::Data::Statement read(session);
    read << forDialect(dialect, std::string("SELECT ") + kLeaseColumns + ", " + nowSql + " FROM " +
                                    _table +
                                    " WHERE organization_id = ? AND"
                                    " instance_id = ?" +
                                    (postgres ? " FOR UPDATE" : "")),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(read);
    LeaseOutcome outcome;
    if (rows.rowCount() == 0) // deleted between the two statements by a release: try later
        return outcome;
    const RunLease found = leaseAt(rows, 0);
    const Poco::Int64 at = rows.value(9, 0).convert<Poco::Int64>();
    if (found.holder == wanted.holder && found.runId == wanted.runId) {
        outcome.acquired = true;
    } else if (found.expiresAtMs > at) {
        outcome.holder = found;
        return outcome; // rolled back: nothing changed
    } else {
        session << forDialect(dialect, "UPDATE " + _table +
                                           " SET holder = ?, run_id = ?, kind = ?,"
                                           " user_login = ?, started_at = ?, heartbeat_at_ms = ?,"
                                           " expires_at_ms = ? WHERE organization_id = ? AND"
                                           " instance_id = ?"),
            use(w.holder), use(w.runId), use(w.kind), use(w.userLogin), use(w.startedAt), bind(at),
            bind(at + ttlMs), use(org), use(instance), now;
        outcome.acquired = true;
        outcome.expired = found;
    }
    transaction.commit();
    return outcome;
}

bool RunLeaseRepository::renew(const InstanceKey& key, const std::string& holder,
                               const std::string& runId, std::chrono::milliseconds ttl) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId, ttlMs = ttl.count();
    std::string h = holder, run = runId;
    const std::string nowSql = nowMillisSql(dialect);
    // Only an unexpired lease is renewed: once expired, another host may take it over at any
    // moment, and this run must stop instead of racing it.
    Poco::Data::Statement update(session);
    update << forDialect(dialect, "UPDATE " + _table + " SET heartbeat_at_ms = " + nowSql +
                                      ", expires_at_ms = " + nowSql +
                                      " + ? WHERE organization_id = ? AND instance_id = ? AND"
                                      " holder = ? AND run_id = ? AND expires_at_ms > " +
                                      nowSql),
        use(ttlMs), use(org), use(instance), use(h), use(run);
    return update.execute() == 1;
}

bool RunLeaseRepository::holds(Poco::Data::Session& session, const InstanceKey& key,
                               const std::string& holder, const std::string& runId) {
    const auto dialect = _database.dialect();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string h = holder, run = runId;
    int held = 0;
    session << forDialect(dialect, "SELECT COUNT(*) FROM " + _table +
                                       " WHERE organization_id = ?"
                                       " AND instance_id = ? AND holder = ? AND run_id = ? AND"
                                       " expires_at_ms > " +
                                       nowMillisSql(dialect)),
        into(held), use(org), use(instance), use(h), use(run), now;
    return held == 1;
}

void RunLeaseRepository::release(const InstanceKey& key, const std::string& holder,
                                 const std::string& runId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string h = holder, run = runId;
    session << forDialect(_database.dialect(),
                          "DELETE FROM " + _table +
                              " WHERE organization_id = ? AND"
                              " instance_id = ? AND holder = ? AND run_id = ?"),
        use(org), use(instance), use(h), use(run), now;
}

std::vector<RunLease> RunLeaseRepository::live() {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    return select(session, dialect, _table, "expires_at_ms > ?", databaseNow(session, dialect));
}

std::vector<RunLease> RunLeaseRepository::takeExpired() {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    // The write first: SQLite takes its write lock before the read, so no other host takes over
    // one of these leases between the SELECT and the DELETE.
    session << "UPDATE " + _table + " SET holder = holder WHERE organization_id = -1", now;
    const Poco::Int64 at = databaseNow(session, dialect);
    std::vector<RunLease> expired =
        select(session, dialect, _table, "expires_at_ms <= ?", at, true);
    for (const RunLease& lease : expired) {
        Poco::Int64 org = lease.key.organizationId, instance = lease.key.instanceId;
        std::string h = lease.holder, run = lease.runId;
        session << forDialect(dialect, "DELETE FROM " + _table +
                                           " WHERE organization_id = ? AND"
                                           " instance_id = ? AND holder = ? AND run_id = ?"),
            use(org), use(instance), use(h), use(run), now;
    }
    transaction.commit();
    return expired;
}

std::string leaseHolderName() {
    std::string suffix = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    return Poco::Environment::nodeName() + " pid " + std::to_string(Poco::Process::id()) + " " +
           suffix.substr(0, 8);
}

std::string isoFromMillis(std::int64_t millis) {
    const Poco::Timestamp at(static_cast<Poco::Timestamp::TimeVal>(millis) * 1000);
    return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ");
}

} // namespace ict::storage
