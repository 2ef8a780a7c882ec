#pragma once
/// One SQL text for both dialects: statements are written with `?` placeholders (SQLite) and
/// turned into `$1..$n` for PostgreSQL.

#include <bss/sdk/Database.h>

#include <string>

namespace ict::storage {

/// `sql` with each `?` outside a quoted literal replaced by `$n` for PostgreSQL; unchanged for
/// SQLite.
std::string forDialect(bss::sdk::SqlDialect dialect, const std::string& sql);

/// The column type of an auto-increment primary key in `dialect`.
std::string identityColumn(bss::sdk::SqlDialect dialect);

} // namespace ict::storage
