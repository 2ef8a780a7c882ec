// The app secret and refresh token of an instance at rest (ICT_TEST_DB): sealed in the database,
// opened for the tool, plain-text rows sealed at the next start, re-sealed by a key rotation,
// and a clear error naming the instance when the key file is not the one that sealed them. The
// secrets are found in neither the columns, the SQLite file's bytes nor pg_dump's output.
#include "mock-host/services/support/DirectoryDatabase.h"
#include "secrets/HostKeyFile.h"
#include "services/HostInstanceDirectory.h"
#include "support/CommandRunner.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <iterator>

using namespace Poco::Data::Keywords;
using mockhost::InstanceStore;
using mockhost::SecretBox;

namespace {

const std::string kToken = "REFRESH-TOKEN-AT-REST-4711";

} // namespace

class InstanceSecretsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(InstanceSecretsTest);
    CPPUNIT_TEST(secretsAreSealedInTheDatabaseAndOpenedForTheTool);
    CPPUNIT_TEST(plainTextRowsAreSealedOnce);
    CPPUNIT_TEST(aRotationSealsEveryRowWithTheNewKey);
    CPPUNIT_TEST(anotherKeyFileFailsNamingTheInstance);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _data = std::make_unique<mockhost::test::DirectoryDatabase>();
        _id = _data->addInstance(_data->root.id, "Sealed PC", kToken);
    }
    void tearDown() override { _data.reset(); }

    void secretsAreSealedInTheDatabaseAndOpenedForTheTool() {
        const auto [secret, token] = raw();
        CPPUNIT_ASSERT(SecretBox::isSealed(secret) && SecretBox::isSealed(token));
        CPPUNIT_ASSERT_EQUAL(_data->db->secrets().sealingKeyId(), SecretBox::keyIdIn(token));
        assertNowhereInTheDatabase(kToken);
        const bss::sdk::InstanceCredentials c = directory(*_data->db).credentials(_id, _data->root);
        CPPUNIT_ASSERT_EQUAL(kToken, c.refreshToken);
        CPPUNIT_ASSERT_EQUAL(std::string("secret"), c.appSecret);
        // A renewed token is sealed too.
        directory(*_data->db)
            .storeRefreshToken(_id, _data->root, "RENEWED-TOKEN-0815", _data->clock.now());
        CPPUNIT_ASSERT(SecretBox::isSealed(raw().second));
        assertNowhereInTheDatabase("RENEWED-TOKEN-0815");
    }

    void plainTextRowsAreSealedOnce() {
        setRaw("plain-app-secret", "plain-refresh-token");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), InstanceStore(*_data->db).sealPlainSecrets());
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), InstanceStore(*_data->db).sealPlainSecrets());
        CPPUNIT_ASSERT(SecretBox::isSealed(raw().first));
        const auto c = directory(*_data->db).credentials(_id, _data->root);
        CPPUNIT_ASSERT_EQUAL(std::string("plain-app-secret"), c.appSecret);
        CPPUNIT_ASSERT_EQUAL(std::string("plain-refresh-token"), c.refreshToken);
    }

    void aRotationSealsEveryRowWithTheNewKey() {
        mockhost::HostSecrets& secrets = _data->db->secrets();
        const std::string before = secrets.sealingKeyId();
        const mockhost::HostKeyFile file(secrets.keyFile());
        std::vector<mockhost::HostKey> keys = file.loadOrCreate();
        keys.insert(keys.begin(), mockhost::HostKeyFile::newKey());
        file.write(keys);
        // Another pool (another host process) reads the changed file at its next use.
        const auto other = _data->openPool();
        CPPUNIT_ASSERT_EQUAL(kToken, directory(*other).credentials(_id, _data->root).refreshToken);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), InstanceStore(*_data->db).resealAll());
        CPPUNIT_ASSERT(SecretBox::keyIdIn(raw().second) != before);
        CPPUNIT_ASSERT_EQUAL(secrets.sealingKeyId(), SecretBox::keyIdIn(raw().second));
        file.write({keys.front()});
        CPPUNIT_ASSERT_EQUAL(kToken, directory(*other).credentials(_id, _data->root).refreshToken);
    }

    void anotherKeyFileFailsNamingTheInstance() {
        const std::string elsewhere = Poco::TemporaryFile::tempName() + ".key";
        const auto other = _data->openPool();
        other->useKeyFile(elsewhere);
        try {
            directory(*other).credentials(_id, _data->root);
            CPPUNIT_FAIL("the secrets opened with another key");
        } catch (const bss::sdk::ToolError& e) {
            const std::string message = e.what();
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::NotAuthenticatedUpstream);
            CPPUNIT_ASSERT_MESSAGE(message, message.find("'Sealed PC'") != std::string::npos &&
                                                message.find(elsewhere) != std::string::npos &&
                                                message.find(kToken) == std::string::npos);
        }
        Poco::File(elsewhere).remove();
    }

private:
    mockhost::HostInstanceDirectory directory(mockhost::HostDatabase& db) {
        return mockhost::HostInstanceDirectory(db, _data->clock);
    }

    std::pair<std::string, std::string> raw() {
        Poco::Data::Session session = _data->db->session();
        Poco::Data::Statement select(session);
        select << "SELECT app_secret, refresh_token FROM microsoft_instances", now;
        Poco::Data::RecordSet rows(select);
        return {rows.value(0, 0).convert<std::string>(), rows.value(1, 0).convert<std::string>()};
    }

    void setRaw(const std::string& secret, const std::string& token) {
        Poco::Data::Session session = _data->db->session();
        std::string s = secret, t = token;
        session << "UPDATE microsoft_instances SET app_secret = '" + s + "', refresh_token = '" +
                       t + "'",
            now;
    }

    /// No column of the table holds `secret`; nor, on SQLite, the file or its write-ahead log;
    /// nor, on PostgreSQL, what pg_dump gives of the whole database.
    void assertNowhereInTheDatabase(const std::string& secret) {
        Poco::Data::Session session = _data->db->session();
        Poco::Data::Statement select(session);
        select << "SELECT * FROM microsoft_instances", now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r)
            for (std::size_t c = 0; c < rows.columnCount(); ++c)
                if (!rows.value(c, r).isEmpty())
                    CPPUNIT_ASSERT(rows.value(c, r).convert<std::string>().find(secret) ==
                                   std::string::npos);
        if (_data->db->dialect() == bss::sdk::SqlDialect::PostgreSQL) {
            const ict::test::CommandResult dump = ict::test::runCommand(
                "/usr/bin/pg_dump", {"--data-only", "-d", _data->testDb->connectionString()});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(dump.err, 0, dump.exitCode);
            CPPUNIT_ASSERT(dump.out.find("microsoft_instances") != std::string::npos);
            CPPUNIT_ASSERT(dump.out.find("enc:v1:") != std::string::npos);
            CPPUNIT_ASSERT(dump.out.find(secret) == std::string::npos);
            return;
        }
        for (const char* suffix : {"", "-wal"}) {
            const std::string path = _data->db->spec().connectionString + suffix;
            if (!Poco::File(path).exists())
                continue;
            std::ifstream in(path, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            CPPUNIT_ASSERT_MESSAGE(path, bytes.find(secret) == std::string::npos);
        }
    }

    std::unique_ptr<mockhost::test::DirectoryDatabase> _data;
    std::int64_t _id = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(InstanceSecretsTest);
