#pragma once
/// Reads the per-tenant results of an import run (ict_import_results), in the run's order.
/// Thread-safe; throws Poco::Exception on a database failure.

#include "domain/importing/ImportOutcome.h"

#include <bss/sdk/Database.h>

#include <string>
#include <vector>

namespace ict::storage {

class ImportResultsRepository {
public:
    explicit ImportResultsRepository(bss::sdk::Database& database);

    std::vector<domain::TenantOutcome> results(const std::string& runId) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
