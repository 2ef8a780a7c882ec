#include "db/DatabaseSpec.h"

#include <stdexcept>

namespace mockhost {

DatabaseSpec DatabaseSpec::parse(const std::string& option) {
    DatabaseSpec spec;
    const std::string sqlite = "sqlite:";
    const std::string postgresql = "postgresql:";
    if (option.rfind(sqlite, 0) == 0 && option.size() > sqlite.size()) {
        spec.dialect = bss::sdk::SqlDialect::SQLite;
        spec.connector = "sqlite";
        spec.connectionString = option.substr(sqlite.size());
        return spec;
    }
    if (option.rfind(postgresql, 0) == 0 && option.size() > postgresql.size()) {
        spec.dialect = bss::sdk::SqlDialect::PostgreSQL;
        spec.connector = "postgresql";
        spec.connectionString = option.substr(postgresql.size());
        if (spec.connectionString.find('=') == std::string::npos)
            throw std::invalid_argument("--db: a PostgreSQL connection must be key=value pairs, "
                                        "e.g. postgresql:host=127.0.0.1 port=5432 dbname=ict");
        return spec;
    }
    const std::string shown = option.rfind(postgresql, 0) == 0 ? postgresql : option;
    throw std::invalid_argument("--db: '" + shown +
                                "' is neither sqlite:<path> nor postgresql:<key=value ...>");
}

} // namespace mockhost
