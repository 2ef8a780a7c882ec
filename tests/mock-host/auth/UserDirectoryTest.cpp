// Users on the host database (ICT_TEST_DB): a hash of the scheme before PBKDF2-HMAC-SHA256 still
// logs in, and is replaced by one of the current scheme at that log-in.
#include "auth/UserDirectory.h"
#include "auth/PasswordHasher.h"
#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/SHA1Engine.h>

#include <memory>

using namespace Poco::Data::Keywords;

class UserDirectoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(UserDirectoryTest);
    CPPUNIT_TEST(anOldHashLogsInAndIsReplacedByTheCurrentScheme);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _testDb = std::make_unique<ict::test::TestDatabase>();
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, "2026-01-31T10:00:00Z");
        Poco::Data::Session session = _db->session();
        session << "INSERT INTO organizations (name, kind) VALUES ('Root', 'root')", now;
    }
    void tearDown() override {
        _db.reset();
        _testDb.reset();
    }

    void anOldHashLogsInAndIsReplacedByTheCurrentScheme() {
        mockhost::UserDirectory users(*_db);
        Poco::Data::Session session = _db->session();
        Poco::Int64 org = 0;
        session << "SELECT id FROM organizations WHERE name = 'Root'", into(org), now;
        const std::int64_t id = users.addUser(org, "old@root", "Old", "demo-password");
        // As an older host wrote it: PBKDF2-HMAC-SHA1, 20,000 rounds, bare hex.
        const std::string salt = "00112233445566778899aabbccddeeff";
        Poco::PBKDF2Engine<Poco::HMACEngine<Poco::SHA1Engine>> engine(salt, 20000, 32);
        engine.update(std::string("demo-password"));
        std::string old = Poco::DigestEngine::digestToHex(engine.digest());
        std::string s = salt;
        Poco::Int64 user = id;
        session << (_db->dialect() == bss::sdk::SqlDialect::PostgreSQL
                        ? "UPDATE users SET password_salt = $1, password_hash = $2 WHERE id = $3"
                        : "UPDATE users SET password_salt = ?, password_hash = ? WHERE id = ?"),
            use(s), use(old), use(user), now;

        CPPUNIT_ASSERT(!users.authenticate("old@root", "wrong-password"));
        CPPUNIT_ASSERT_EQUAL(old, storedHash(id)); // a failed log-in changes nothing
        CPPUNIT_ASSERT(users.authenticate("old@root", "demo-password"));
        const std::string current = storedHash(id);
        CPPUNIT_ASSERT_EQUAL(std::string("pbkdf2-sha256$600000$"), current.substr(0, 21));
        CPPUNIT_ASSERT(!mockhost::PasswordHasher::needsRehash(current));
        CPPUNIT_ASSERT(users.authenticate("old@root", "demo-password"));
        CPPUNIT_ASSERT_EQUAL(current, storedHash(id)); // once only
    }

private:
    std::string storedHash(std::int64_t id) {
        Poco::Data::Session session = _db->session();
        Poco::Int64 user = id;
        std::string hash;
        session << (_db->dialect() == bss::sdk::SqlDialect::PostgreSQL
                        ? "SELECT password_hash FROM users WHERE id = $1"
                        : "SELECT password_hash FROM users WHERE id = ?"),
            use(user), into(hash), now;
        return hash;
    }

    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(UserDirectoryTest);
