#pragma once
/// A tool's own tables in the host database, created and upgraded by numbered migrations.
///
/// Each migration runs in its own transaction and is recorded in the tool's migrations table
/// (version, name, applied_at); a started tool is at the latest version. Two hosts starting at
/// once on one database take turns (a table lock on PostgreSQL, the write lock on SQLite), so each
/// migration runs once.

#include <bss/sdk/Database.h>

#include <string>
#include <vector>

namespace ict::storage {

struct Migration {
    int version = 0;
    std::string name;
    std::vector<std::string> statements; ///< In the dialect it was chosen for.
};

/// Applies the migrations of `migrations` (oldest first) not yet recorded in `table`, creating
/// that table when missing; returns the version the database is at afterwards. `table` is the
/// tool's own name (e.g. "ict_schema_migrations"), never user input. Throws Poco::Exception on a
/// database failure (nothing of the failing migration is kept).
int migrateTables(bss::sdk::Database& database, const std::string& table,
                  const std::vector<Migration>& migrations, const std::string& appliedAtIso);

} // namespace ict::storage
