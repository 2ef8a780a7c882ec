#pragma once
/// The host database lent to tools.
///
/// Tools keep their own tables in the host database (prefixed with their id, created by their own
/// migrations) and may read and write the host schema tables documented in host-sdk/schema/.
/// Threading: Database is thread-safe; each Session it hands out is not and must stay on one thread
/// for one unit of work.

#include <Poco/Data/Session.h>

namespace bss::sdk {

enum class SqlDialect {
    Unset = 0,
    SQLite,     ///< Placeholders `?`; used by the mock host by default.
    PostgreSQL, ///< Placeholders `$1..$n`; used in production.
};

class Database {
public:
    virtual ~Database() = default;

    /// A session from the host's pool. Blocks up to a host-defined bound (seconds) for a free
    /// connection, then throws ToolError(Unavailable). The session returns to the pool when the
    /// last copy is destroyed; a transaction still open then is rolled back, so commit explicitly.
    virtual Poco::Data::Session session() = 0;

    /// The SQL dialect of the sessions this database hands out.
    virtual SqlDialect dialect() const = 0;
};

} // namespace bss::sdk
