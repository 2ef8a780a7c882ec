// The admin subcommands of the mock-host binary, each run in its own process on a fresh database:
// what they store is seen by `action`, and secrets given on the command line are never echoed.
#include "support/CommandRunner.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

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
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<ict::test::TestDatabase>(); }
    void tearDown() override { _db.reset(); }

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

private:
    ict::test::CommandResult run(std::vector<std::string> args) {
        args.push_back("--db");
        args.push_back(_db->hostOption());
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
};

CPPUNIT_TEST_SUITE_REGISTRATION(CliCommandsTest);
