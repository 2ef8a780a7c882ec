// Crash soak ([B2]): the real host binary (`mock-host action --emulator ... --wait import-customers
// import`) killed with SIGKILL at 20 random points of one import of all tenants, on the
// ICT_TEST_DB database; each re-run resumes where the killed one stopped. Each process starts a
// fresh in-process emulator with the same seed (same data and tokens; the demo instances are
// re-pointed at start). After every kill no tenant is half written and nothing is duplicated; at
// the end every planned tenant is imported exactly once.
#include "db/HostDatabase.h"
#include "support/CliImportRuns.h"
#include "support/CommandRunner.h"
#include "support/ImportOutcomeTenants.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using JsonObject = Poco::JSON::Object::Ptr;
const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
constexpr int kTenants = 700;
constexpr int kKills = 20;

JsonObject json(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<JsonObject>();
}

using ict::test::tenantsOf;

} // namespace

class CrashSoakTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrashSoakTest);
    CPPUNIT_TEST(twentySigkillsDuringAnImportThenEveryTenantImportedExactlyOnce);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "10000000", 1);
        // Each killed host's lease expires soon after the kill, so the next run takes over.
        ::setenv("ICT_LEASE_TTL_MS", "600", 1);
        _db = std::make_unique<ict::test::TestDatabase>();
        _certs = std::string(ICT_BINARY_DIR) + "/test-certs/reliability-crash";
        Poco::File(_certs).createDirectories();
    }
    void tearDown() override {
        _host.reset();
        _db.reset();
    }

    void twentySigkillsDuringAnImportThenEveryTenantImportedExactlyOnce() {
        const auto listing = run("list-instances", "{}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(listing.err, 0, listing.exitCode);
        const std::string instance = std::to_string(instanceId(listing.out));
        const auto hierarchy =
            run("get-hierarchy", "{\"instanceId\":" + instance + ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(hierarchy.err, 0, hierarchy.exitCode);
        _host = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_db->hostOption()));
        const std::string all = "{\"instanceId\":" + instance + ",\"all\":true}";

        // The plan: each tenant to create and how many subscriptions it gets.
        const JsonObject dryRun = ict::test::cliDryRun(cli(), all);
        std::map<std::string, long> planned;
        long plannedSubscriptions = 0;
        for (const JsonObject& tenant : tenantsOf(dryRun)) {
            if (tenant->getValue<std::string>("account") != "created")
                continue;
            long subs = 0;
            const auto list = tenant->getArray("subscriptions");
            for (std::size_t i = 0; i < list->size(); ++i)
                subs +=
                    list->getObject(static_cast<unsigned>(i))->getValue<std::string>("result") ==
                    "created";
            planned[tenant->getValue<std::string>("tenantId")] = subs;
            plannedSubscriptions += subs;
        }
        CPPUNIT_ASSERT(planned.size() > 300);

        const unsigned seed = std::random_device{}();
        std::cerr << " [random seed " << seed << "] ";
        std::mt19937 random(seed);
        int kills = 0, beforeFirstWrite = 0;
        long previous = 0;
        while (kills < kKills) {
            const long before = accounts();
            // The previous (killed) run's lease holds the instance until it expires.
            CPPUNIT_ASSERT(ict::test::waitUntilNoLiveLease(_host->session(), postgres(),
                                                           std::chrono::seconds(10)));
            const pid_t child = spawn(all);
            // One kill in four at any moment of the run (start-up, planning, profile reads,
            // writing); the others once this run wrote a random 1 to 15 tenants. Both stop waiting
            // after that many tenants, so however fast the machine, a kill lands mid-import.
            const bool anyMoment = random() % 4 == 0;
            const long target = before + std::uniform_int_distribution<int>(1, 15)(random);
            const auto deadline =
                std::chrono::steady_clock::now() +
                (anyMoment ? std::chrono::milliseconds(
                                 std::uniform_int_distribution<int>(0, 1500)(random))
                           : std::chrono::milliseconds(60000));
            while (accounts() < target && alive(child) &&
                   std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            CPPUNIT_ASSERT_MESSAGE("no tenant written within 60 s",
                                   anyMoment || accounts() >= target || !alive(child));
            ::kill(child, SIGKILL);
            int status = 0;
            CPPUNIT_ASSERT_EQUAL(child, ::waitpid(child, &status, 0));
            CPPUNIT_ASSERT_MESSAGE("the import ended by itself before kill " +
                                       std::to_string(kills + 1) + "; more tenants are needed",
                                   WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
            ++kills;
            const long written = accounts();
            beforeFirstWrite += written == before;
            CPPUNIT_ASSERT(written >= previous);
            CPPUNIT_ASSERT(written < static_cast<long>(planned.size()));
            previous = written;
            assertWholeAndUnique(planned);
        }
        std::cerr << " [" << kills << " kills (" << beforeFirstWrite
                  << " before the run wrote a tenant), " << previous << " of " << planned.size()
                  << " tenants written] ";

        // The last run finishes the rest; nothing is created twice; no run is left running
        // (each killed one was marked interrupted when the next took over its lease).
        CPPUNIT_ASSERT(ict::test::waitUntilNoLiveLease(_host->session(), postgres(),
                                                       std::chrono::seconds(10)));
        const auto last = run("import", all);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(last.err, 0, last.exitCode);
        const JsonObject summary = json(last.out)->getObject("result")->getObject("summary");
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(planned.size() - previous),
                             summary->getValue<int>("accountsCreated"));
        assertWholeAndUnique(planned);
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(planned.size()), accounts());
        CPPUNIT_ASSERT_EQUAL(plannedSubscriptions, count("SELECT COUNT(*) FROM subscriptions"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_runs WHERE state = 'running'"));
        CPPUNIT_ASSERT(count("SELECT COUNT(*) FROM ict_runs WHERE kind = 'import' AND"
                             " state = 'interrupted'") > kKills / 2);
        const JsonObject rest = ict::test::cliDryRun(cli(), all)->getObject("summary");
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("accountsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("subscriptionsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("subscriptionsAdded"));
    }

private:
    std::vector<std::string> common() const {
        return {"--db",
                _db->hostOption(),
                "--emulator",
                "--emulator-port",
                "0",
                "--emulator-tenants",
                std::to_string(kTenants),
                "--emulator-seed",
                "1207",
                "--emulator-rate-limit",
                "0",
                "--emulator-cert-dir",
                _certs,
                "--clock",
                "2026-03-15T10:00:00Z",
                "--quiet"};
    }

    std::vector<std::string> arguments(const std::string& action, const std::string& body) const {
        std::vector<std::string> args = {"action"};
        for (const std::string& arg : common())
            args.push_back(arg);
        for (const std::string& arg :
             {std::string("--login"), std::string("admin@root"), std::string("--wait"),
              std::string("import-customers"), action, body})
            args.push_back(arg);
        return args;
    }

    ict::test::CommandResult run(const std::string& action, const std::string& body) {
        return ict::test::runCommand(kHost, arguments(action, body));
    }

    ict::test::CliAction cli() {
        return [this](const std::string& action, const std::string& body) {
            return run(action, body);
        };
    }

    bool postgres() const { return _db->dialect() == bss::sdk::SqlDialect::PostgreSQL; }

    /// The import in a child process, output discarded; returns its pid.
    pid_t spawn(const std::string& body) {
        return ict::test::spawnQuiet(kHost, arguments("import", body));
    }

    static bool alive(pid_t pid) { return ict::test::childAlive(pid); }

    static std::int64_t instanceId(const std::string& listing) {
        const auto list = json(listing)->getArray("instances");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonObject item = list->getObject(static_cast<unsigned>(i));
            if (item->getValue<std::string>("name") == "Global Partner Center (direct)")
                return item->getValue<std::int64_t>("id");
        }
        throw std::runtime_error("no direct demo instance in " + listing);
    }

    long count(const std::string& sql) {
        Poco::Data::Session session = _host->session();
        Poco::Int64 n = 0;
        using namespace Poco::Data::Keywords;
        session << sql, into(n), now;
        return static_cast<long>(n);
    }

    long accounts() {
        return count("SELECT COUNT(*) FROM accounts WHERE kind = 'customer' AND"
                     " external_ms_tenant_id IS NOT NULL");
    }

    /// Every account is a planned tenant, once, with exactly its planned subscriptions.
    void assertWholeAndUnique(const std::map<std::string, long>& planned) {
        Poco::Data::Session session = _host->session();
        using namespace Poco::Data::Keywords;
        std::vector<std::string> tenants;
        std::vector<Poco::Int64> subscriptions;
        session << "SELECT a.external_ms_tenant_id, COUNT(s.id) FROM accounts a LEFT JOIN"
                   " subscriptions s ON s.account_id = a.id WHERE a.kind = 'customer' AND"
                   " a.external_ms_tenant_id IS NOT NULL GROUP BY a.id, a.external_ms_tenant_id",
            into(tenants), into(subscriptions), now;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < tenants.size(); ++i) {
            CPPUNIT_ASSERT_MESSAGE(tenants[i] + " has two accounts",
                                   seen.insert(tenants[i]).second);
            const auto plan = planned.find(tenants[i]);
            CPPUNIT_ASSERT_MESSAGE(tenants[i] + " was not planned", plan != planned.end());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(tenants[i] + " is half written", plan->second,
                                         static_cast<long>(subscriptions[i]));
        }
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM (SELECT external_ms_subscription_id"
                                       " FROM subscriptions GROUP BY external_ms_subscription_id"
                                       " HAVING COUNT(*) > 1) d"));
    }

    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<mockhost::HostDatabase> _host;
    std::string _certs;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CrashSoakTest);
