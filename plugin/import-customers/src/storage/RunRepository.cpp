#include "storage/RunRepository.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

const char* kRunColumns = "id, organization_id, instance_id, kind, scope, state, user_id,"
                          " user_login, started_at, finished_at, message, summary";
const char* kReadColumns = "id, organization_id, instance_id, kind, scope, state, user_id,"
                           " user_login, started_at, finished_at, message, summary, seq";

std::vector<RunRecord> readRuns(Poco::Data::Statement& select) {
    Poco::Data::RecordSet rows(select);
    std::vector<RunRecord> runs;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        RunRecord run;
        run.id = rows.value(0, r).convert<std::string>();
        run.organizationId = rows.value(1, r).convert<Poco::Int64>();
        run.instanceId = rows.value(2, r).convert<Poco::Int64>();
        run.kind = rows.value(3, r).convert<std::string>();
        run.scope = rows.value(4, r).convert<std::string>();
        run.state = rows.value(5, r).convert<std::string>();
        run.userId = rows.value(6, r).convert<Poco::Int64>();
        run.userLogin = rows.value(7, r).convert<std::string>();
        run.startedAt = rows.value(8, r).convert<std::string>();
        if (!rows.value(9, r).isEmpty())
            run.finishedAt = rows.value(9, r).convert<std::string>();
        run.message = rows.value(10, r).convert<std::string>();
        run.summary = rows.value(11, r).convert<std::string>();
        run.seq = rows.value(12, r).convert<Poco::Int64>();
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace

RunRepository::RunRepository(bss::sdk::Database& database) : _database(database) {}

void RunRepository::insert(const RunRecord& run) {
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    RunRecord r = run;
    Poco::Nullable<std::string> finished;
    if (run.finishedAt)
        finished = *run.finishedAt;
    Poco::Int64 org = r.organizationId, instance = r.instanceId, user = r.userId;
    session << forDialect(_database.dialect(), std::string("INSERT INTO ict_runs (") + kRunColumns +
                                                   ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(r.id), use(org), use(instance), use(r.kind), use(r.scope), use(r.state), use(user),
        use(r.userLogin), use(r.startedAt), use(finished), use(r.message), use(r.summary), now;
    insertAudit(session, {0, r.organizationId, r.userId, r.userLogin, r.instanceId, r.kind, r.scope,
                          r.state, r.message, r.startedAt, r.id});
    transaction.commit();
}

void RunRepository::finish(const std::string& id, const std::string& state,
                           const std::string& finishedAt, const std::string& message,
                           const std::string& summary, const std::string& auditDetail) {
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string i = id, s = state, f = finishedAt, m = message, sum = summary, d = auditDetail;
    session << forDialect(_database.dialect(), "UPDATE ict_runs SET state = ?, finished_at = ?,"
                                               " message = ?, summary = ? WHERE id = ?"),
        use(s), use(f), use(m), use(sum), use(i), now;
    session << forDialect(_database.dialect(), "UPDATE ict_audit_trail SET outcome = ?, detail = ?"
                                               " WHERE run_id = ? AND outcome = 'running'"),
        use(s), use(d), use(i), now;
    transaction.commit();
}

std::optional<RunRecord> RunRepository::find(const std::string& id) const {
    Poco::Data::Session session = _database.session();
    std::string i = id;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         std::string("SELECT ") + kReadColumns + " FROM ict_runs WHERE id = ?"),
        use(i), now;
    std::vector<RunRecord> runs = readRuns(select);
    if (runs.empty())
        return std::nullopt;
    return runs.front();
}

std::vector<RunRecord> RunRepository::recent(std::int64_t organizationId,
                                             std::optional<std::int64_t> instanceId,
                                             const std::string& kind, std::size_t limit) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId, instance = instanceId.value_or(0);
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::string k = kind;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         std::string("SELECT ") + kReadColumns +
                             " FROM ict_runs WHERE organization_id = ? AND kind = ?" +
                             (instanceId ? " AND instance_id = ?" : " AND ? = 0") +
                             " ORDER BY seq DESC LIMIT ?"),
        use(org), use(k), use(instance), use(max), now;
    return readRuns(select);
}

std::vector<RunRecord> RunRepository::running() const {
    Poco::Data::Session session = _database.session();
    Poco::Data::Statement select(session);
    select << std::string("SELECT ") + kReadColumns +
                  " FROM ict_runs WHERE state = 'running' ORDER BY seq",
        now;
    return readRuns(select);
}

bool RunRepository::markInterrupted(const std::string& id, const std::string& at,
                                    const std::string& message) {
    const std::optional<RunRecord> run = find(id);
    if (!run || run->state != "running")
        return false;
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string i = id, f = at, m = message;
    Poco::Data::Statement update(session);
    update << forDialect(_database.dialect(),
                         "UPDATE ict_runs SET state = 'interrupted', finished_at = ?,"
                         " message = ? WHERE id = ? AND state = 'running'"),
        use(f), use(m), use(i);
    if (update.execute() == 0)
        return false; // someone else marked or finished it meanwhile
    Poco::Data::Statement audit(session);
    audit << forDialect(_database.dialect(),
                        "UPDATE ict_audit_trail SET outcome = 'interrupted', detail = ?"
                        " WHERE run_id = ? AND outcome = 'running'"),
        use(m), use(i);
    if (audit.execute() == 0) // a run started before its entry was written at the start
        insertAudit(session, {0, run->organizationId, run->userId, run->userLogin, run->instanceId,
                              run->kind, run->scope, "interrupted", message, at, run->id});
    transaction.commit();
    return true;
}

void RunRepository::insertAudit(Poco::Data::Session& session, const AuditTrailEntry& entry) {
    AuditTrailEntry e = entry;
    Poco::Int64 org = e.organizationId, user = e.userId;
    Poco::Nullable<Poco::Int64> instance;
    if (e.instanceId)
        instance = *e.instanceId;
    Poco::Nullable<std::string> run;
    if (e.runId)
        run = *e.runId;
    session << forDialect(_database.dialect(),
                          "INSERT INTO ict_audit_trail (organization_id, user_id, user_login,"
                          " instance_id, action, selection, outcome, detail, at, run_id)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(org), use(user), use(e.userLogin), use(instance), use(e.action), use(e.selection),
        use(e.outcome), use(e.detail), use(e.at), use(run), now;
}

std::vector<AuditTrailEntry> RunRepository::auditTrail(std::int64_t organizationId,
                                                       std::size_t limit) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId, max = static_cast<Poco::Int64>(limit);
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT id, organization_id, user_id, user_login, instance_id, action,"
                         " selection, outcome, detail, at, run_id FROM ict_audit_trail"
                         " WHERE organization_id = ? ORDER BY id DESC LIMIT ?"),
        use(org), use(max), now;
    Poco::Data::RecordSet rows(select);
    std::vector<AuditTrailEntry> entries;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        AuditTrailEntry e;
        e.id = rows.value(0, r).convert<Poco::Int64>();
        e.organizationId = rows.value(1, r).convert<Poco::Int64>();
        e.userId = rows.value(2, r).convert<Poco::Int64>();
        e.userLogin = rows.value(3, r).convert<std::string>();
        if (!rows.value(4, r).isEmpty())
            e.instanceId = rows.value(4, r).convert<Poco::Int64>();
        e.action = rows.value(5, r).convert<std::string>();
        e.selection = rows.value(6, r).convert<std::string>();
        e.outcome = rows.value(7, r).convert<std::string>();
        e.detail = rows.value(8, r).convert<std::string>();
        e.at = rows.value(9, r).convert<std::string>();
        if (!rows.value(10, r).isEmpty())
            e.runId = rows.value(10, r).convert<std::string>();
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace ict::storage
