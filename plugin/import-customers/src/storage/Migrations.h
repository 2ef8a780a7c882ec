#pragma once
/// The tool's own tables in the host database, created and upgraded by numbered migrations.
///
/// Each migration runs in its own transaction and is recorded in ict_schema_migrations; a started
/// tool is at the latest version. Two hosts starting at once on one PostgreSQL database serialize
/// on a table lock, so each migration runs once.

#include "storage/SchemaMigrations.h"

#include <bss/sdk/Database.h>

#include <string>
#include <vector>

namespace ict::storage {

/// The migrations of the tool, oldest first, for a dialect.
std::vector<Migration> toolMigrations(bss::sdk::SqlDialect dialect);

/// Applies the migrations not yet applied (migrateTables() on ict_schema_migrations); returns the
/// version the database is at afterwards. Throws Poco::Exception on a database failure (nothing
/// of the failing migration is kept).
int migrate(bss::sdk::Database& database, const std::vector<Migration>& migrations,
            const std::string& appliedAtIso);

} // namespace ict::storage
