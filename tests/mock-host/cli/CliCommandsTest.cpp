// The admin subcommands of the mock-host binary, each run in its own process on a fresh database:
// what they store is seen by `action`, and secrets given on the command line are never echoed;
// they can come from a file or standard input instead, out of `ps`.
#include "db/HostDatabase.h"
#include "services/InstanceStore.h"
#include "support/CommandRunner.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <cstdio>

#include <fstream>
#include <memory>
#include <sys/stat.h>

namespace {

const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class CliCommandsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CliCommandsTest);
    CPPUNIT_TEST(seedDemoIsIdempotent);
    CPPUNIT_TEST(enableToolMakesItCallableAndDisableHidesItAgain);
    CPPUNIT_TEST(instanceAddStoresWithoutEchoingSecrets);
    CPPUNIT_TEST(badOptionsNameTheFieldAndValue);
    CPPUNIT_TEST(productAndUserAdd);
    CPPUNIT_TEST(secretsComeFromAFileOrStandardInput);
    CPPUNIT_TEST(rotateKeySealsEveryInstanceWithANewKey);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _db = std::make_unique<ict::test::TestDatabase>();
        // PostgreSQL's default key file (var/host.key, in the working folder) is shared by every
        // suite run from there: this one rotates keys and changes the file's mode, so its hosts
        // use a file of their own. SQLite's default is beside the test's own database file.
        if (_db->dialect() == bss::sdk::SqlDialect::PostgreSQL)
            _keyFile = Poco::TemporaryFile::tempName() + ".key";
    }
    void tearDown() override {
        _db.reset();
        if (!_keyFile.empty())
            std::remove(_keyFile.c_str());
    }

    void seedDemoIsIdempotent() {
        CPPUNIT_ASSERT_EQUAL(0, run({"enable-tool", "--seed-demo", "--org", "Contoso Cloud (root)",
                                     "--tool", "import-customers"})
                                    .exitCode);
        const auto again = action("admin@root", "--seed-demo");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(again.err, 0, again.exitCode);
        // Two instances, not four: the second seed added nothing.
        CPPUNIT_ASSERT(contains(again.out, "\"Indirect Provider\""));
        CPPUNIT_ASSERT_EQUAL(
            std::string::npos,
            again.out.find("Indirect Provider", again.out.find("Indirect Provider") + 1));
    }

    void enableToolMakesItCallableAndDisableHidesItAgain() {
        CPPUNIT_ASSERT_EQUAL(1, action("admin@simple", "--seed-demo").exitCode);
        const auto enabled =
            run({"enable-tool", "--org", "Contoso Reseller Shop", "--tool", "import-customers"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(enabled.err, 0, enabled.exitCode);
        const auto call = action("admin@simple");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(call.err, 0, call.exitCode);
        CPPUNIT_ASSERT(contains(call.out, "\"instances\":[]"));
        CPPUNIT_ASSERT_EQUAL(0, run({"enable-tool", "--org", "Contoso Reseller Shop", "--tool",
                                     "import-customers", "--disable"})
                                    .exitCode);
        const auto refused = action("admin@simple");
        CPPUNIT_ASSERT_EQUAL(1, refused.exitCode);
        CPPUNIT_ASSERT_MESSAGE(refused.err, contains(refused.err, "error 404 not_found"));
    }

    void instanceAddStoresWithoutEchoingSecrets() {
        run({"enable-tool", "--seed-demo", "--org", "Contoso Cloud Greece", "--tool",
             "import-customers"});
        const auto added = run({"instance",
                                "add",
                                "--org",
                                "Contoso Cloud Greece",
                                "--name",
                                "Greece PC",
                                "--csp-model",
                                "both",
                                "--pc-url",
                                "https://127.0.0.1:9443",
                                "--login-url",
                                "https://127.0.0.1:9443",
                                "--partner-tenant",
                                "11111111-2222-4333-8444-555555555555",
                                "--app-id",
                                "app-1",
                                "--secret",
                                "TOP-SECRET-VALUE",
                                "--refresh-token",
                                "REFRESH-SECRET-VALUE",
                                "--refresh-token-expires",
                                "2027-01-01T00:00:00Z"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(added.err, 0, added.exitCode);
        for (const auto& text : {added.out, added.err}) {
            CPPUNIT_ASSERT(!contains(text, "TOP-SECRET-VALUE"));
            CPPUNIT_ASSERT(!contains(text, "REFRESH-SECRET-VALUE"));
        }
        const auto call = action("admin@country");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(call.err, 0, call.exitCode);
        CPPUNIT_ASSERT(contains(call.out, "\"name\":\"Greece PC\""));
        CPPUNIT_ASSERT(contains(call.out, "\"cspModel\":\"both\""));
        CPPUNIT_ASSERT(!contains(call.out, "SECRET-VALUE"));
        const auto updated = run({"instance", "update", "--org", "Contoso Cloud Greece", "--name",
                                  "Greece PC", "--csp-model", "direct", "--pc-url",
                                  "https://127.0.0.1:9443", "--login-url", "https://127.0.0.1:9443",
                                  "--partner-tenant", "11111111-2222-4333-8444-555555555555",
                                  "--app-id", "app-1", "--secret", "TOP-SECRET-VALUE"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(updated.err, 0, updated.exitCode);
        const auto after = action("admin@country");
        CPPUNIT_ASSERT(
            contains(after.out, "\"cspModel\":\"direct\",\"id\":3,\"name\":\"Greece PC\""));
    }

    void badOptionsNameTheFieldAndValue() {
        run({"enable-tool", "--seed-demo", "--org", "Contoso Cloud (root)", "--tool", "x"});
        const auto badModel =
            run({"instance", "add", "--org", "Contoso Cloud (root)", "--name", "N", "--csp-model",
                 "tier3", "--pc-url", "https://a", "--login-url", "https://a", "--partner-tenant",
                 "t", "--app-id", "a", "--secret", "s"});
        CPPUNIT_ASSERT_EQUAL(2, badModel.exitCode);
        CPPUNIT_ASSERT_MESSAGE(badModel.err, contains(badModel.err, "--csp-model: 'tier3'"));
        const auto badOrg = run({"enable-tool", "--org", "Nowhere", "--tool", "x"});
        CPPUNIT_ASSERT_EQUAL(2, badOrg.exitCode);
        CPPUNIT_ASSERT_MESSAGE(badOrg.err,
                               contains(badOrg.err, "--org: no organization named 'Nowhere'"));
        const auto badPlan = run({"product", "add", "--org", "Contoso Cloud (root)", "--name", "P",
                                  "--sku", "P1", "--offer", "O", "--plan", "monthly:P1M:abc:EUR"});
        CPPUNIT_ASSERT_EQUAL(2, badPlan.exitCode);
        CPPUNIT_ASSERT_MESSAGE(badPlan.err, contains(badPlan.err, "--plan: price 'abc'"));
        const auto badClock =
            run({"enable-tool", "--clock", "yesterday", "--org", "x", "--tool", "y"});
        CPPUNIT_ASSERT_EQUAL(2, badClock.exitCode);
        CPPUNIT_ASSERT_MESSAGE(badClock.err, contains(badClock.err, "--clock: 'yesterday'"));
    }

    void productAndUserAdd() {
        run({"enable-tool", "--seed-demo", "--org", "Contoso Cloud (root)", "--tool",
             "import-customers"});
        const auto product =
            run({"product", "add", "--org", "Contoso Cloud (root)", "--name", "Teams Essentials",
                 "--sku", "TEAMS-ESS", "--offer", "CFQ7TTC0QW7C:0001", "--plan",
                 "monthly:P1M:400:EUR", "--plan", "annual:P1Y:4000:EUR"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(product.err, 0, product.exitCode);
        const auto duplicate = run({"product", "add", "--org", "Contoso Cloud (root)", "--name",
                                    "Teams again", "--sku", "TEAMS-ESS", "--offer", "X"});
        CPPUNIT_ASSERT_EQUAL(1, duplicate.exitCode);
        const auto user =
            run({"user", "add", "--org", "Contoso Cloud (root)", "--login", "ops@root",
                 "--password", "another-password", "--role", "System Admin"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(user.err, 0, user.exitCode);
        CPPUNIT_ASSERT(!contains(user.out + user.err, "another-password"));
        const auto call = action("ops@root");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(call.err, 0, call.exitCode);
        CPPUNIT_ASSERT(contains(call.out, "Global Partner Center (direct)"));
    }

    void secretsComeFromAFileOrStandardInput() {
        Poco::TemporaryFile secretFile, tokenFile, emptyFile;
        std::ofstream(secretFile.path()) << "FILE-SECRET-VALUE\n";
        std::ofstream(tokenFile.path()) << "FILE-TOKEN-VALUE\r\nsecond line ignored\n";
        std::ofstream(emptyFile.path()) << "";
        const std::vector<std::string> instance = {"instance",
                                                   "add",
                                                   "--seed-demo",
                                                   "--org",
                                                   "Contoso Cloud (root)",
                                                   "--name",
                                                   "From files",
                                                   "--csp-model",
                                                   "direct",
                                                   "--pc-url",
                                                   "https://127.0.0.1:9443",
                                                   "--login-url",
                                                   "https://127.0.0.1:9443",
                                                   "--partner-tenant",
                                                   "11111111-2222-4333-8444-555555555555",
                                                   "--app-id",
                                                   "app-1"};
        auto with = [&](std::vector<std::string> extra) {
            std::vector<std::string> args = instance;
            args.insert(args.end(), extra.begin(), extra.end());
            return run(args);
        };
        const auto added =
            with({"--secret-file", secretFile.path(), "--refresh-token-file", tokenFile.path()});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(added.err, 0, added.exitCode);
        CPPUNIT_ASSERT_MESSAGE(added.err, !contains(added.err, "warning"));
        CPPUNIT_ASSERT(!contains(added.out + added.err, "FILE-SECRET-VALUE"));
        CPPUNIT_ASSERT_EQUAL(std::string("FILE-SECRET-VALUE|FILE-TOKEN-VALUE"),
                             stored("From files"));

        // On the command line it still works, and says who else can read it.
        std::vector<std::string> update = instance;
        update[1] = "update";
        update.push_back("--secret");
        update.push_back("ARGUMENT-SECRET");
        const auto inline_ = run(update);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(inline_.err, 0, inline_.exitCode);
        CPPUNIT_ASSERT_MESSAGE(inline_.err, contains(inline_.err, "warning: --secret on the command"
                                                                  " line can be read by other"));
        CPPUNIT_ASSERT(!contains(inline_.err, "ARGUMENT-SECRET"));

        const auto both = with({"--secret", "x", "--secret-file", secretFile.path()});
        CPPUNIT_ASSERT_EQUAL(2, both.exitCode);
        CPPUNIT_ASSERT_MESSAGE(both.err, contains(both.err, "--secret and --secret-file"));
        const auto empty = with({"--secret-file", emptyFile.path()});
        CPPUNIT_ASSERT_EQUAL(2, empty.exitCode);
        CPPUNIT_ASSERT_MESSAGE(empty.err,
                               contains(empty.err, "'" + emptyFile.path() + "' holds no secret"));
        const auto missing = with({"--secret-file", "/nonexistent/secret"});
        CPPUNIT_ASSERT_EQUAL(2, missing.exitCode);
        CPPUNIT_ASSERT_MESSAGE(missing.err,
                               contains(missing.err, "'/nonexistent/secret' cannot be read"));

        // Standard input: a password piped in, then used to log in.
        const auto piped = ict::test::runCommand(
            "/bin/sh",
            {"-c", "printf 'piped-password-1\\n' | '" + kHost + "' user add --db '" +
                       _db->hostOption() +
                       "' --org 'Contoso Cloud (root)' --login"
                       " piped@root --password-file -" +
                       (_keyFile.empty() ? std::string() : " --key-file '" + _keyFile + "'")});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(piped.err, 0, piped.exitCode);
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_db->hostOption()));
        Poco::Data::Session session = db.session();
        std::string salt, hash;
        session << "SELECT password_salt, password_hash FROM users WHERE login = 'piped@root'",
            Poco::Data::Keywords::into(salt), Poco::Data::Keywords::into(hash),
            Poco::Data::Keywords::now;
        CPPUNIT_ASSERT_MESSAGE(hash, hash.rfind("pbkdf2-sha256$", 0) == 0);
    }

    void rotateKeySealsEveryInstanceWithANewKey() {
        CPPUNIT_ASSERT_EQUAL(0, run({"enable-tool", "--seed-demo", "--org", "Contoso Cloud (root)",
                                     "--tool", "import-customers"})
                                    .exitCode);
        const std::string keyFile = _keyFile.empty() ? _db->connectionString() + ".key" : _keyFile;
        const std::vector<std::string> before = sealingKeys();
        const auto rotated = run({"rotate-key"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(rotated.err, 0, rotated.exitCode);
        CPPUNIT_ASSERT_MESSAGE(rotated.out, contains(rotated.out, "sealed the secrets of"));
        const std::vector<std::string> after = sealingKeys();
        CPPUNIT_ASSERT_EQUAL(before.size(), after.size());
        for (std::size_t i = 0; i < after.size(); ++i)
            CPPUNIT_ASSERT(after[i] != before[i] && after[i] == after.front());
        // Every row opens with the file as it is now (the new key, and the previous one kept).
        CPPUNIT_ASSERT(!stored("Global Partner Center (direct)").empty());
        std::ifstream keys(keyFile);
        std::size_t lines = 0;
        for (std::string line; std::getline(keys, line);)
            lines += !line.empty();
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), lines);

        // A key file its group may read is refused, naming it.
        CPPUNIT_ASSERT_EQUAL(0, ::chmod(keyFile.c_str(), 0640));
        const auto refused = action("admin@root");
        CPPUNIT_ASSERT_EQUAL(1, refused.exitCode);
        CPPUNIT_ASSERT_MESSAGE(refused.err,
                               contains(refused.err, keyFile) && contains(refused.err, "0640"));
        CPPUNIT_ASSERT_EQUAL(0, ::chmod(keyFile.c_str(), 0600));
    }

private:
    /// The key id each instance's app secret names.
    std::vector<std::string> sealingKeys() {
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_db->hostOption()));
        Poco::Data::Session session = db.session();
        std::vector<std::string> tokens;
        session << "SELECT app_secret FROM microsoft_instances ORDER BY id",
            Poco::Data::Keywords::into(tokens), Poco::Data::Keywords::now;
        std::vector<std::string> ids;
        for (const std::string& token : tokens)
            ids.push_back(mockhost::SecretBox::keyIdIn(token));
        CPPUNIT_ASSERT(!ids.empty());
        return ids;
    }

    /// "<app secret>|<refresh token>" of the instance named `name`.
    std::string stored(const std::string& name) {
        mockhost::HostDatabase db(mockhost::DatabaseSpec::parse(_db->hostOption()));
        if (!_keyFile.empty())
            db.useKeyFile(_keyFile);
        Poco::Data::Session session = db.session();
        std::string secret, token, n = name;
        session
            << (_db->dialect() == bss::sdk::SqlDialect::PostgreSQL
                    ? "SELECT app_secret, refresh_token FROM microsoft_instances WHERE name = $1"
                    : "SELECT app_secret, refresh_token FROM microsoft_instances WHERE name = ?"),
            Poco::Data::Keywords::use(n), Poco::Data::Keywords::into(secret),
            Poco::Data::Keywords::into(token), Poco::Data::Keywords::now;
        // Sealed in the database; opened with the key file the command made beside it.
        CPPUNIT_ASSERT(mockhost::SecretBox::isSealed(secret) &&
                       mockhost::SecretBox::isSealed(token));
        return db.secrets().open(secret, mockhost::InstanceStore::kAppSecretColumn) + "|" +
               db.secrets().open(token, mockhost::InstanceStore::kRefreshTokenColumn);
    }

    ict::test::CommandResult run(std::vector<std::string> args) {
        args.push_back("--db");
        args.push_back(_db->hostOption());
        if (!_keyFile.empty()) {
            args.push_back("--key-file");
            args.push_back(_keyFile);
        }
        return ict::test::runCommand(kHost, args);
    }

    ict::test::CommandResult action(const std::string& login, const std::string& extra = "") {
        std::vector<std::string> args{"action", "--login", login, "import-customers",
                                      "list-instances"};
        if (!extra.empty())
            args.push_back(extra);
        return run(args);
    }

    std::unique_ptr<ict::test::TestDatabase> _db;
    std::string _keyFile; ///< PostgreSQL: this suite's own key file; "" for SQLite's default.
};

CPPUNIT_TEST_SUITE_REGISTRATION(CliCommandsTest);
