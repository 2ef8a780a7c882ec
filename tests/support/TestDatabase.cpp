#include "support/TestDatabase.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace ict::test {
namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

std::string uniqueSuffix() {
    std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
    return id.substr(0, 16);
}

/// `conninfo` with dbname replaced (or added).
std::string withDatabase(const std::string& conninfo, const std::string& database) {
    Poco::StringTokenizer parts(
        conninfo, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
    std::string result;
    for (const std::string& part : parts) {
        if (part.rfind("dbname=", 0) == 0)
            continue;
        result += part + " ";
    }
    return result + "dbname=" + database;
}

} // namespace

bss::sdk::SqlDialect TestDatabase::dialectFromEnvironment() {
    const std::string db = Poco::Environment::get("ICT_TEST_DB", "sqlite");
    if (db == "sqlite" || db.empty())
        return bss::sdk::SqlDialect::SQLite;
    if (db == "postgresql")
        return bss::sdk::SqlDialect::PostgreSQL;
    throw std::runtime_error("ICT_TEST_DB='" + db + "' is neither sqlite nor postgresql");
}

TestDatabase::TestDatabase() : _dialect(dialectFromEnvironment()) {
    registerConnectors();
    if (_dialect == bss::sdk::SqlDialect::SQLite) {
        _connector = "sqlite";
        _name = Poco::Path::temp() + "ict-test-" + uniqueSuffix() + ".db";
        _connectionString = _name;
        return;
    }
    _connector = "postgresql";
    if (!Poco::Environment::has("ICT_TEST_PG") || Poco::Environment::get("ICT_TEST_PG").empty())
        throw std::runtime_error(
            "ICT_TEST_DB=postgresql but ICT_TEST_PG is not set: set it to a PostgreSQL "
            "connection, e.g. ICT_TEST_PG='host=127.0.0.1 port=55432 user=postgres "
            "dbname=postgres'");
    _adminConnectionString = Poco::Environment::get("ICT_TEST_PG");
    _name = "ict_test_" + uniqueSuffix();
    try {
        Poco::Data::Session admin("postgresql", _adminConnectionString);
        admin << "CREATE DATABASE " + _name, now;
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot create test database " + _name +
                                 " through ICT_TEST_PG: " + e.displayText());
    }
    _connectionString = withDatabase(_adminConnectionString, _name);
}

TestDatabase::~TestDatabase() {
    try {
        if (_dialect == bss::sdk::SqlDialect::SQLite) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal", ".key"}) {
                Poco::File file(_name + suffix);
                if (file.exists())
                    file.remove();
            }
        } else {
            Poco::Data::Session admin("postgresql", _adminConnectionString);
            admin << "DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)", now;
        }
    } catch (...) {
        // A leftover test database must not turn a passing test into a crash.
    }
}

} // namespace ict::test
