#pragma once
/// Applies the host schema: host-sdk/schema/<dialect>/NNN_*.sql, oldest first, each file once.
///
/// Applied files are recorded in host_schema_migrations (version, name, applied_at), each file in
/// its own transaction, so a re-run changes nothing. On PostgreSQL concurrent hosts serialize on a
/// lock of that table.
#include "db/HostDatabase.h"

#include <string>
#include <vector>

namespace mockhost {

struct SchemaFile {
    int version = 0;
    std::string name; ///< File name, e.g. "001_host_schema.sql".
    std::string path;
};

class HostSchema {
public:
    /// @param schemaRoot the folder holding sqlite/ and postgresql/ (the build passes
    /// MOCK_HOST_SCHEMA_DIR).
    explicit HostSchema(std::string schemaRoot);

    /// The NNN_*.sql files of the dialect, by version. Throws std::runtime_error when the folder
    /// is missing or two files share a version.
    std::vector<SchemaFile> files(bss::sdk::SqlDialect dialect) const;

    /// Applies the files not yet applied; returns the version the database is at afterwards.
    /// Throws Poco::Exception on a database failure (the failing file leaves nothing behind).
    int apply(HostDatabase& database, const std::string& appliedAtIso) const;

    /// Splits a schema file into statements: `--` comments dropped, split on `;`.
    static std::vector<std::string> statements(const std::string& sqlText);

private:
    std::string _schemaRoot;
};

} // namespace mockhost
