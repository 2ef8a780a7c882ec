#pragma once
/// One SQL text for both dialects: statements are written with `?` placeholders (SQLite) and
/// turned into `$1..$n` for PostgreSQL.

#include <bss/sdk/Database.h>

#include <cstddef>
#include <string>

namespace ict::storage {

/// `sql` with each `?` outside a quoted literal replaced by `$n` for PostgreSQL; unchanged for
/// SQLite.
std::string forDialect(bss::sdk::SqlDialect dialect, const std::string& sql);

/// `rows` parenthesized groups of `columns` placeholders, comma-separated: "(?, ?), (?, ?)" for
/// 2 and 2. The VALUES list of a multi-row INSERT, or with one row of n columns an IN list.
std::string placeholderRows(std::size_t columns, std::size_t rows);

/// An SQL expression for the database server's clock now, in milliseconds since the Unix epoch
/// (BIGINT). Leases use the database's clock, which every host sharing it agrees on.
std::string nowMillisSql(bss::sdk::SqlDialect dialect);

/// The column type of an auto-increment primary key in `dialect`.
std::string identityColumn(bss::sdk::SqlDialect dialect);

} // namespace ict::storage
