// The host's session pool: bounded wait then Unavailable, rollback of an uncommitted session,
// and the --db option.
#include "db/HostDatabase.h"
#include "support/TestDatabase.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace Poco::Data::Keywords;

class HostDatabaseTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostDatabaseTest);
    CPPUNIT_TEST(exhaustedPoolWaitsThenAnswersUnavailable);
    CPPUNIT_TEST(waitingCallerGetsTheSessionReleasedMeanwhile);
    CPPUNIT_TEST(uncommittedWorkIsRolledBackOnRelease);
    CPPUNIT_TEST(parsesTheDbOption);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _testDb = std::make_unique<ict::test::TestDatabase>(); }
    void tearDown() override { _testDb.reset(); }

    void exhaustedPoolWaitsThenAnswersUnavailable() {
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_testDb->hostOption()),
                                  std::chrono::milliseconds(300), 1);
        Poco::Data::Session held = db.session();
        const auto start = std::chrono::steady_clock::now();
        try {
            db.session();
            CPPUNIT_FAIL("expected ToolError(Unavailable)");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Unavailable);
        }
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
    }

    void waitingCallerGetsTheSessionReleasedMeanwhile() {
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_testDb->hostOption()),
                                  std::chrono::seconds(5), 1);
        auto held = std::make_unique<Poco::Data::Session>(db.session());
        std::thread releaser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            held.reset();
        });
        CPPUNIT_ASSERT_NO_THROW(db.session());
        releaser.join();
    }

    void uncommittedWorkIsRolledBackOnRelease() {
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        {
            Poco::Data::Session session = db.session();
            session << "CREATE TABLE t (x INTEGER)", now;
        }
        {
            Poco::Data::Session session = db.session();
            session.begin();
            session << "INSERT INTO t VALUES (1)", now;
        }
        Poco::Data::Session session = db.session();
        int rows = -1;
        session << "SELECT COUNT(*) FROM t", into(rows), now;
        CPPUNIT_ASSERT_EQUAL(0, rows);
    }

    void parsesTheDbOption() {
        const auto sqlite = mockhost::DatabaseSpec::parse("sqlite:var/host.db");
        CPPUNIT_ASSERT(sqlite.dialect == bss::sdk::SqlDialect::SQLite);
        CPPUNIT_ASSERT_EQUAL(std::string("var/host.db"), sqlite.connectionString);
        const auto pg = mockhost::DatabaseSpec::parse("postgresql:host=h port=1 dbname=d");
        CPPUNIT_ASSERT(pg.dialect == bss::sdk::SqlDialect::PostgreSQL);
        CPPUNIT_ASSERT_EQUAL(std::string("host=h port=1 dbname=d"), pg.connectionString);
        CPPUNIT_ASSERT_THROW(mockhost::DatabaseSpec::parse("mysql:x"), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(mockhost::DatabaseSpec::parse("postgresql:not-pairs"),
                             std::invalid_argument);
        CPPUNIT_ASSERT_THROW(mockhost::DatabaseSpec::parse("sqlite:"), std::invalid_argument);
    }

private:
    std::unique_ptr<ict::test::TestDatabase> _testDb;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostDatabaseTest);
