#include "storage/RunStore.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using ict::storage::forDialect;

namespace apm::storage {

namespace {

const char* kRunColumns = "seq, run_id, organization_id, instance_id, kind, state, user_login,"
                          " started_at, COALESCE(finished_at, ''), summary, error";

std::vector<RunRecord> runsOf(Poco::Data::Statement& select) {
    Poco::Data::RecordSet rows(select);
    std::vector<RunRecord> runs;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        RunRecord run;
        run.seq = rows.value(0, i).convert<Poco::Int64>();
        run.runId = rows.value(1, i).convert<std::string>();
        run.organizationId = rows.value(2, i).convert<Poco::Int64>();
        run.instanceId = rows.value(3, i).convert<Poco::Int64>();
        run.kind = rows.value(4, i).convert<std::string>();
        run.state = rows.value(5, i).convert<std::string>();
        run.userLogin = rows.value(6, i).convert<std::string>();
        run.startedAt = rows.value(7, i).convert<std::string>();
        run.finishedAt = rows.value(8, i).convert<std::string>();
        run.summaryJson = rows.value(9, i).convert<std::string>();
        run.error = rows.value(10, i).convert<std::string>();
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace

RunStore::RunStore(bss::sdk::Database& database) : _database(database) {}

void RunStore::begin(const RunRecord& run) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string id = run.runId;
    Poco::Int64 org = run.organizationId;
    Poco::Int64 instance = run.instanceId;
    std::string kind = run.kind;
    std::string user = run.userLogin;
    std::string started = run.startedAt;
    session << forDialect(dialect, "INSERT INTO apm_runs (run_id, organization_id, instance_id,"
                                   " kind, state, user_login, started_at, summary, error)"
                                   " VALUES (?, ?, ?, ?, 'running', ?, ?, '{}', '')"),
        use(id), use(org), use(instance), use(kind), use(user), use(started), now;
    session << forDialect(dialect, "INSERT INTO apm_audit_trail (organization_id, user_login,"
                                   " instance_id, action, run_id, outcome, detail, at)"
                                   " VALUES (?, ?, ?, ?, ?, 'running', '', ?)"),
        use(org), use(user), use(instance), use(kind), use(id), use(started), now;
    transaction.commit();
}

void RunStore::finish(const std::string& runId, const std::string& state,
                      const std::string& summaryJson, const std::string& error,
                      const std::string& finishedAt) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string id = runId;
    std::string runState = state;
    std::string summary = summaryJson;
    std::string message = error;
    std::string at = finishedAt;
    session << forDialect(dialect, "UPDATE apm_runs SET state = ?, summary = ?, error = ?,"
                                   " finished_at = ? WHERE run_id = ?"),
        use(runState), use(summary), use(message), use(at), use(id), now;
    std::string detail = error.empty() ? summaryJson : error;
    session << forDialect(dialect, "UPDATE apm_audit_trail SET outcome = ?, detail = ?"
                                   " WHERE run_id = ?"),
        use(runState), use(detail), use(id), now;
    transaction.commit();
}

bool RunStore::markInterrupted(const std::string& runId, const std::string& at,
                               const std::string& message) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string id = runId;
    std::string finished = at;
    std::string text = message;
    Poco::Data::Statement update(session);
    update << forDialect(dialect, "UPDATE apm_runs SET state = 'interrupted', finished_at = ?,"
                                  " error = ? WHERE run_id = ? AND state = 'running'"),
        use(finished), use(text), use(id);
    if (update.execute() == 0)
        return false;
    session << forDialect(dialect, "UPDATE apm_audit_trail SET outcome = 'interrupted', detail = ?"
                                   " WHERE run_id = ?"),
        use(text), use(id), now;
    transaction.commit();
    return true;
}

std::vector<std::string> RunStore::running() {
    Poco::Data::Session session = _database.session();
    Poco::Data::Statement select(session);
    select << "SELECT run_id FROM apm_runs WHERE state = 'running' ORDER BY seq", now;
    Poco::Data::RecordSet rows(select);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < rows.rowCount(); ++i)
        ids.push_back(rows.value(0, i).convert<std::string>());
    return ids;
}

std::optional<RunRecord> RunStore::find(std::int64_t organizationId, const std::string& runId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::string id = runId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(), std::string("SELECT ") + kRunColumns +
                                                  " FROM apm_runs WHERE organization_id = ?"
                                                  " AND run_id = ?"),
        use(org), use(id), now;
    std::vector<RunRecord> runs = runsOf(select);
    if (runs.empty())
        return std::nullopt;
    return runs.front();
}

std::vector<RunRecord> RunStore::recent(std::int64_t organizationId, std::int64_t instanceId,
                                        const std::string& kind, std::size_t limit) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    Poco::Int64 instance = instanceId;
    std::string runKind = kind;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         std::string("SELECT ") + kRunColumns +
                             " FROM apm_runs WHERE organization_id = ? AND instance_id = ?" +
                             (kind.empty() ? "" : " AND kind = ?") + " ORDER BY seq DESC LIMIT " +
                             std::to_string(limit)),
        use(org), use(instance);
    if (!kind.empty())
        select, use(runKind);
    select.execute();
    return runsOf(select);
}

void RunStore::appendResults(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                             const std::string& runId, const std::vector<ResultRecord>& results) {
    const std::string sql = forDialect(
        dialect, "INSERT INTO apm_results (run_id, seq, customer_tenant_id, plan_subscription_id,"
                 " azure_subscription_id, outcome, detail, bss_subscription_id)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    std::string run = runId;
    for (const ResultRecord& result : results) {
        Poco::Int64 seq = result.seq;
        std::string tenant = result.customerTenantId;
        std::string plan = result.planSubscriptionId;
        std::string azure = result.azureSubscriptionId;
        std::string outcome = result.outcome;
        std::string detail = result.detail;
        Poco::Int64 bss = result.bssSubscriptionId;
        session << sql, use(run), use(seq), use(tenant), use(plan), use(azure), use(outcome),
            use(detail), use(bss), now;
    }
}

std::vector<ResultRecord> RunStore::results(const std::string& runId, std::int64_t afterSeq,
                                            std::size_t limit) {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Int64 after = afterSeq;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT seq, customer_tenant_id, plan_subscription_id,"
                         " azure_subscription_id, outcome, detail, bss_subscription_id"
                         " FROM apm_results WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT " +
                             std::to_string(limit)),
        use(run), use(after), now;
    Poco::Data::RecordSet rows(select);
    std::vector<ResultRecord> out;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        ResultRecord result;
        result.seq = rows.value(0, i).convert<Poco::Int64>();
        result.customerTenantId = rows.value(1, i).convert<std::string>();
        result.planSubscriptionId = rows.value(2, i).convert<std::string>();
        result.azureSubscriptionId = rows.value(3, i).convert<std::string>();
        result.outcome = rows.value(4, i).convert<std::string>();
        result.detail = rows.value(5, i).convert<std::string>();
        result.bssSubscriptionId = rows.value(6, i).convert<Poco::Int64>();
        out.push_back(std::move(result));
    }
    return out;
}

std::vector<AuditRecord> RunStore::auditTrail(std::int64_t organizationId, std::size_t limit) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT id, user_login, instance_id, action, run_id, outcome, detail, at"
                         " FROM apm_audit_trail WHERE organization_id = ? ORDER BY id DESC"
                         " LIMIT " +
                             std::to_string(limit)),
        use(org), now;
    Poco::Data::RecordSet rows(select);
    std::vector<AuditRecord> out;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        AuditRecord entry;
        entry.id = rows.value(0, i).convert<Poco::Int64>();
        entry.userLogin = rows.value(1, i).convert<std::string>();
        entry.instanceId = rows.value(2, i).convert<Poco::Int64>();
        entry.action = rows.value(3, i).convert<std::string>();
        entry.runId = rows.value(4, i).convert<std::string>();
        entry.outcome = rows.value(5, i).convert<std::string>();
        entry.detail = rows.value(6, i).convert<std::string>();
        entry.at = rows.value(7, i).convert<std::string>();
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace apm::storage
