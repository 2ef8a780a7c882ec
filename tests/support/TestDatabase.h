#pragma once
/// A fresh, empty database for one test, in the dialect chosen by the environment.
///
/// ICT_TEST_DB=sqlite (default): a new SQLite file in the temp folder, removed afterwards.
/// ICT_TEST_DB=postgresql: a new database created through the server named by ICT_TEST_PG
/// (Poco key=value pairs, e.g. "host=127.0.0.1 port=55432 user=postgres dbname=postgres"), dropped
/// afterwards. Without ICT_TEST_PG the constructor throws: a PostgreSQL run never skips silently.
#include <bss/sdk/Database.h>

#include <string>

namespace ict::test {

class TestDatabase {
public:
    /// Throws std::runtime_error with a clear message when the database cannot be made.
    TestDatabase();
    /// Drops the database (PostgreSQL: WITH (FORCE)) or removes the file (SQLite).
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bss::sdk::SqlDialect dialect() const { return _dialect; }
    /// Poco connector key: "sqlite" or "postgresql".
    const std::string& connector() const { return _connector; }
    const std::string& connectionString() const { return _connectionString; }
    /// The mock host's --db value: "sqlite:<path>" or "postgresql:<conninfo>".
    std::string hostOption() const { return _connector + ":" + _connectionString; }

    /// The dialect ICT_TEST_DB asks for; throws std::runtime_error for another value.
    static bss::sdk::SqlDialect dialectFromEnvironment();

private:
    bss::sdk::SqlDialect _dialect;
    std::string _connector;
    std::string _connectionString;
    std::string _adminConnectionString; ///< PostgreSQL: where the test database was created.
    std::string _name;                  ///< PostgreSQL database name, or SQLite file path.
};

} // namespace ict::test
