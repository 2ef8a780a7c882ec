#pragma once
/// The Azure Plan Migration Tool's own tables (prefix apm_), recorded in apm_schema_migrations.

#include "storage/SchemaMigrations.h"

#include <bss/sdk/Database.h>

#include <vector>

namespace apm::storage {

/// The tool's migrations, oldest first, for a dialect.
std::vector<ict::storage::Migration> apmMigrations(bss::sdk::SqlDialect dialect);

/// Brings the tables to the latest version; returns it. Throws Poco::Exception.
int migrateApmTables(bss::sdk::Database& database, const std::string& appliedAtIso);

} // namespace apm::storage
