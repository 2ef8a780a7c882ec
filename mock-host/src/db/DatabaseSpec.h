#pragma once
/// Which database the host opens, from the `--db` option.
#include <bss/sdk/Database.h>

#include <string>

namespace mockhost {

struct DatabaseSpec {
    bss::sdk::SqlDialect dialect = bss::sdk::SqlDialect::Unset;
    std::string connector;        ///< Poco connector key: "sqlite" or "postgresql".
    std::string connectionString; ///< SQLite file path, or PostgreSQL key=value pairs.

    /// Parses `sqlite:<path>` or `postgresql:<conninfo>`. Throws std::invalid_argument naming
    /// --db and the value otherwise (a PostgreSQL conninfo is not echoed: it may hold a password).
    static DatabaseSpec parse(const std::string& option);
};

inline constexpr const char* kDefaultDatabaseOption = "sqlite:var/host.db";

} // namespace mockhost
