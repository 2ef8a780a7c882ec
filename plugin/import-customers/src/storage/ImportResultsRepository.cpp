#include "storage/ImportResultsRepository.h"

#include "storage/ImportOutcomeJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

/// Results read per page by forEach().
constexpr std::size_t kResultsPerRead = 500;

std::vector<domain::TenantOutcome> readFrom(Poco::Data::Statement& select) {
    Poco::Data::RecordSet rows(select);
    std::vector<domain::TenantOutcome> outcomes;
    outcomes.reserve(rows.rowCount());
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        outcomes.push_back(tenantOutcomeFromJson(rows.value(0, r).convert<std::string>()));
    return outcomes;
}

} // namespace

ImportResultsRepository::ImportResultsRepository(bss::sdk::Database& database)
    : _database(database) {}

std::vector<domain::TenantOutcome>
ImportResultsRepository::results(const std::string& runId) const {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(), "SELECT outcome FROM ict_import_results WHERE"
                                              " run_id = ? ORDER BY position"),
        use(run), now;
    return readFrom(select);
}

std::size_t ImportResultsRepository::count(const std::string& runId) const {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Int64 count = 0;
    session << forDialect(_database.dialect(),
                          "SELECT COUNT(*) FROM ict_import_results WHERE run_id = ?"),
        use(run), into(count), now;
    return static_cast<std::size_t>(count);
}

std::vector<domain::TenantOutcome> ImportResultsRepository::page(const std::string& runId,
                                                                 std::size_t offset,
                                                                 std::size_t limit) const {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Int64 skip = static_cast<Poco::Int64>(offset), take = static_cast<Poco::Int64>(limit);
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(), "SELECT outcome FROM ict_import_results WHERE"
                                              " run_id = ? ORDER BY position LIMIT ? OFFSET ?"),
        use(run), use(take), use(skip), now;
    return readFrom(select);
}

void ImportResultsRepository::forEach(
    const std::string& runId,
    const std::function<bool(const domain::TenantOutcome&)>& onTenant) const {
    Poco::Int64 after = -1;
    for (;;) {
        Poco::Data::Session session = _database.session();
        std::string run = runId;
        Poco::Int64 take = kResultsPerRead;
        Poco::Data::Statement select(session);
        select << forDialect(_database.dialect(),
                             "SELECT outcome, position FROM ict_import_results WHERE run_id = ?"
                             " AND position > ? ORDER BY position LIMIT ?"),
            use(run), use(after), use(take), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            after = rows.value(1, r).convert<Poco::Int64>();
            if (!onTenant(tenantOutcomeFromJson(rows.value(0, r).convert<std::string>())))
                return;
        }
        if (rows.rowCount() < kResultsPerRead)
            return;
    }
}

void ImportResultsRepository::append(
    const std::string& runId,
    const std::vector<std::pair<std::size_t, domain::TenantOutcome>>& results) {
    if (results.empty())
        return;
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    for (const auto& [position, outcome] : results) {
        std::string run = runId, tenant = outcome.tenantId, reseller = outcome.resellerMpnId;
        std::string json = stringify(*tenantOutcomeToJson(outcome));
        Poco::Int64 at = static_cast<Poco::Int64>(position);
        session << forDialect(_database.dialect(),
                              "INSERT INTO ict_import_results VALUES (?, ?, ?, ?, ?)"),
            use(run), use(at), use(tenant), use(reseller), use(json), now;
    }
    transaction.commit();
}

} // namespace ict::storage
