#include "storage/ImportResultsRepository.h"

#include "storage/ImportOutcomeJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {

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
    Poco::Data::RecordSet rows(select);
    std::vector<domain::TenantOutcome> outcomes;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        outcomes.push_back(tenantOutcomeFromJson(rows.value(0, r).convert<std::string>()));
    return outcomes;
}

} // namespace ict::storage
