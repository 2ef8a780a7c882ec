#pragma once
/// The per-tenant results of an import or dry run (ict_import_results), in the run's order:
/// counted, read a page at a time for the results page, or passed over one tenant at a time for a
/// streamed export, so a 100,000-tenant run is never held whole. A real import's rows are written
/// by ImportWriter inside each batch's transaction; a dry run's by append().
/// Thread-safe; throws Poco::Exception on a database failure.

#include "domain/importing/ImportOutcome.h"

#include <bss/sdk/Database.h>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ict::storage {

class ImportResultsRepository {
public:
    explicit ImportResultsRepository(bss::sdk::Database& database);

    /// Every result of the run, in order: for small runs and tests.
    std::vector<domain::TenantOutcome> results(const std::string& runId) const;

    /// Results the run has.
    std::size_t count(const std::string& runId) const;

    /// At most `limit` results from `offset` on, in the run's order.
    std::vector<domain::TenantOutcome> page(const std::string& runId, std::size_t offset,
                                            std::size_t limit) const;

    /// Calls `onTenant` with each result in order, reading a page at a time, until the last one
    /// or until `onTenant` returns false.
    void forEach(const std::string& runId,
                 const std::function<bool(const domain::TenantOutcome&)>& onTenant) const;

    /// Writes results (position, outcome) of run `runId` in one transaction.
    void append(const std::string& runId,
                const std::vector<std::pair<std::size_t, domain::TenantOutcome>>& results);

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
