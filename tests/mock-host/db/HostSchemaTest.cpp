// The host schema applied through host_schema_migrations, on the dialect of ICT_TEST_DB.
#include "db/HostSchema.h"
#include "db/HostDatabase.h"
#include "support/Sql.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>

#include <memory>

using namespace Poco::Data::Keywords;

class HostSchemaTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostSchemaTest);
    CPPUNIT_TEST(appliesEveryFileOnce);
    CPPUNIT_TEST(reRunChangesNothing);
    CPPUNIT_TEST(uniqueIndexRefusesASecondAccountForOneTenant);
    CPPUNIT_TEST(foreignKeysAreEnforced);
    CPPUNIT_TEST(splitsStatementsAndDropsComments);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _testDb = std::make_unique<ict::test::TestDatabase>();
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
    }
    void tearDown() override {
        _db.reset();
        _testDb.reset();
    }

    void appliesEveryFileOnce() {
        mockhost::HostSchema schema(MOCK_HOST_SCHEMA_DIR);
        const auto files = schema.files(_db->dialect());
        CPPUNIT_ASSERT(!files.empty());
        const int version = schema.apply(*_db, "2026-01-31T10:00:00Z");
        CPPUNIT_ASSERT_EQUAL(files.back().version, version);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(files.size()), migrationRows());
        // The tables of the schema exist and are empty.
        Poco::Data::Session session = _db->session();
        int count = -1;
        session << "SELECT COUNT(*) FROM microsoft_instances", into(count), now;
        CPPUNIT_ASSERT_EQUAL(0, count);
    }

    void reRunChangesNothing() {
        mockhost::HostSchema schema(MOCK_HOST_SCHEMA_DIR);
        schema.apply(*_db, "2026-01-31T10:00:00Z");
        insertOrganization("Root");
        const int again = schema.apply(*_db, "2026-02-01T10:00:00Z");
        CPPUNIT_ASSERT_EQUAL(schema.files(_db->dialect()).back().version, again);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(schema.files(_db->dialect()).size()),
                             migrationRows());
        Poco::Data::Session session = _db->session();
        std::string appliedAt;
        session << "SELECT MIN(applied_at) FROM host_schema_migrations", into(appliedAt), now;
        CPPUNIT_ASSERT_EQUAL(std::string("2026-01-31T10:00:00Z"), appliedAt);
        int orgs = 0;
        session << "SELECT COUNT(*) FROM organizations", into(orgs), now;
        CPPUNIT_ASSERT_EQUAL(1, orgs);
    }

    void uniqueIndexRefusesASecondAccountForOneTenant() {
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, "2026-01-31T10:00:00Z");
        const Poco::Int64 org = insertOrganization("Root");
        insertAccount(org, "Fabrikam", "0b6f3e56-1111-4c1e-9a55-0d1e2f3a4b5c");
        CPPUNIT_ASSERT_THROW(
            insertAccount(org, "Fabrikam renamed", "0b6f3e56-1111-4c1e-9a55-0d1e2f3a4b5c"),
            Poco::Exception);
        // Another tenant id in the same organization is fine.
        CPPUNIT_ASSERT_NO_THROW(
            insertAccount(org, "Contoso", "9a8b7c6d-2222-4c1e-9a55-0d1e2f3a4b5c"));
    }

    void foreignKeysAreEnforced() {
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, "2026-01-31T10:00:00Z");
        // An account of an organization that does not exist.
        CPPUNIT_ASSERT_THROW(
            insertAccount(424242, "Nobody's", "5c4b3a2e-3333-4c1e-9a55-0d1e2f3a4b5c"),
            Poco::Exception);
    }

    void splitsStatementsAndDropsComments() {
        const auto statements = mockhost::HostSchema::statements(
            "-- a comment; with a semicolon\nCREATE TABLE a (x INT); -- trailing\n\n"
            "CREATE TABLE b (y INT);\n");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), statements.size());
        CPPUNIT_ASSERT(statements[0].find("CREATE TABLE a") != std::string::npos);
        CPPUNIT_ASSERT(statements[1].find("CREATE TABLE b") != std::string::npos);
    }

private:
    int migrationRows() {
        Poco::Data::Session session = _db->session();
        int rows = -1;
        session << "SELECT COUNT(*) FROM host_schema_migrations", into(rows), now;
        return rows;
    }

    Poco::Int64 insertOrganization(std::string name) {
        Poco::Data::Session session = _db->session();
        session << mockhost::sqlFor(_db->dialect(),
                                    "INSERT INTO organizations (name, kind) VALUES (?, 'root')"),
            use(name), now;
        Poco::Int64 id = 0;
        session << mockhost::sqlFor(_db->dialect(), "SELECT id FROM organizations WHERE name = ?"),
            use(name), into(id), now;
        return id;
    }

    void insertAccount(Poco::Int64 org, std::string name, std::string tenant) {
        Poco::Data::Session session = _db->session();
        session << mockhost::sqlFor(_db->dialect(),
                                    "INSERT INTO accounts (organization_id, kind, name,"
                                    " external_ms_tenant_id, created_at)"
                                    " VALUES (?, 'customer', ?, ?, '2026-01-31T10:00:00Z')"),
            use(org), use(name), use(tenant), now;
    }

    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostSchemaTest);
