// One run per instance across hosts (8/12): two real `mock-host action` processes (each a whole
// host: the tool loaded, its jobs, its lease holder) on one database (ICT_TEST_DB: one PostgreSQL
// database, or one SQLite file), against one Partner Center emulator process. A second host's
// Get Hierarchy of the same instance is refused while the first runs; a host killed with SIGKILL
// mid-run leaves a lease that expires, and its run is marked interrupted (when and why) by the
// next run, or by the next host that starts; the killed run's staging rows are cleared and the
// saved hierarchy is the last good one. A Ctrl-C on `action --wait` cancels its run instead.
#include "db/HostDatabase.h"
#include "support/CliImportRuns.h"
#include "support/CommandRunner.h"
#include "support/EmulatorInstance.h"
#include "support/HostChecks.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>

namespace {

using JsonObject = Poco::JSON::Object::Ptr;
using namespace Poco::Data::Keywords;
const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
/// Leases of these tests' hosts expire this long after their last heartbeat.
constexpr int kLeaseTtlMs = 1500;

} // namespace

class TwoHostsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TwoHostsTest);
    CPPUNIT_TEST(aSecondHostIsRefusedWhileTheFirstRuns);
    CPPUNIT_TEST(aKilledHostsRunIsInterruptedByTheNextRunAndLeavesTheLastGoodHierarchy);
    CPPUNIT_TEST(aKilledHostsRunIsInterruptedWhenAHostStarts);
    CPPUNIT_TEST(ctrlCOnActionWaitCancelsTheRunInsteadOfLeavingItRunning);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "1000000", 1);
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_LEASE_TTL_MS", std::to_string(kLeaseTtlMs).c_str(), 1);
        _db = std::make_unique<ict::test::TestDatabase>();
        const std::string certs = std::string(ICT_BINARY_DIR) + "/test-certs/two-hosts";
        Poco::File(certs).createDirectories();
        // 20 ms a request, 4 in flight: a Get Hierarchy of 300 tenants takes about 2 s.
        _emulator = ict::test::startEmulatorInstance(_db->hostOption(), certs,
                                                     {"--tenants", "300", "--model", "direct",
                                                      "--latency-ms", "20", "--rate-limit", "0",
                                                      "--seed", "808"});
        _host = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_db->hostOption()));
        _instance =
            std::to_string(count("SELECT id FROM microsoft_instances WHERE name = 'Shared PC'"));
        // A host that starts the tool creates its tables.
        const auto listed = runAction("list-instances", "{}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(listed.err, 0, listed.exitCode);
    }

    void tearDown() override {
        _host.reset();
        _emulator.reset();
        _db.reset();
    }

    void aSecondHostIsRefusedWhileTheFirstRuns() {
        const int first = ict::test::spawnQuiet(kHost, getHierarchyArguments());
        waitUntilRunning();
        const auto second = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL(1, second.exitCode);
        // The same answer a second start on one host gets: 409, what runs, since when, by whom.
        for (const char* part : {"error 409 conflict", "'get-hierarchy' job for instance:",
                                 "is already running since", "started by admin@root", "on host"})
            CPPUNIT_ASSERT_MESSAGE(second.err, second.err.find(part) != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(0, ict::test::exitCodeOf(first));
        const auto third = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(third.err, 0, third.exitCode);
        CPPUNIT_ASSERT_EQUAL(2L, count("SELECT COUNT(*) FROM ict_runs WHERE state = 'succeeded'"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_run_leases"));
    }

    void aKilledHostsRunIsInterruptedByTheNextRunAndLeavesTheLastGoodHierarchy() {
        const auto good = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(good.err, 0, good.exitCode);
        const std::string lastUpdate = text("SELECT last_mass_update_at FROM ict_instance_state");
        const long savedRows = count("SELECT COUNT(*) FROM ict_tenants");

        const int killed = ict::test::spawnQuiet(kHost, getHierarchyArguments());
        waitUntilRunning();
        // Killed once it has written staging rows of its own.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (count("SELECT COUNT(*) FROM ict_tenants") <= savedRows) {
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ict::test::killChild(killed);
        const std::string killedRun = text("SELECT id FROM ict_runs WHERE state = 'running'");
        CPPUNIT_ASSERT(!killedRun.empty());

        // Its lease still holds the instance: refused, as if it were alive.
        const auto refused = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL(1, refused.exitCode);
        CPPUNIT_ASSERT_MESSAGE(refused.err, refused.err.find("409") != std::string::npos);
        // The saved hierarchy and Last Update are still the last good run's.
        CPPUNIT_ASSERT_EQUAL(lastUpdate,
                             text("SELECT last_mass_update_at FROM ict_instance_state"));

        // Once the lease expired, the next run takes the instance over and says what happened.
        CPPUNIT_ASSERT(ict::test::waitUntilNoLiveLease(_host->session(), postgres(),
                                                       std::chrono::seconds(10)));
        const auto next = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(next.err, 0, next.exitCode);
        assertInterrupted(killedRun, "Noticed by ");
        // Nothing of the killed run's staging rows is left; one current snapshot holds the rows.
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_snapshots WHERE state <> "
                                       "'current'"));
        CPPUNIT_ASSERT_EQUAL(savedRows, count("SELECT COUNT(*) FROM ict_tenants"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_crawl_customers"));
        // Runs are listed by their sequence: the next run first, then the interrupted one.
        const auto runs = runAction("runs", "{\"instanceId\":" + _instance + "}");
        const auto list =
            Poco::JSON::Parser().parse(runs.out).extract<JsonObject>()->getArray("runs");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             list->getObject(0)->getValue<std::string>("state"));
        CPPUNIT_ASSERT_EQUAL(killedRun, list->getObject(1)->getValue<std::string>("id"));
        CPPUNIT_ASSERT_EQUAL(std::string("interrupted"),
                             list->getObject(1)->getValue<std::string>("state"));
    }

    void aKilledHostsRunIsInterruptedWhenAHostStarts() {
        const int killed = ict::test::spawnQuiet(kHost, getHierarchyArguments());
        waitUntilRunning();
        ict::test::killChild(killed);
        const std::string killedRun = text("SELECT id FROM ict_runs WHERE state = 'running'");
        CPPUNIT_ASSERT(ict::test::waitUntilNoLiveLease(_host->session(), postgres(),
                                                       std::chrono::seconds(10)));
        // No other run: a host that starts (here to list the instances) finds it.
        const auto started = runAction("list-instances", "{}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(started.err, 0, started.exitCode);
        assertInterrupted(killedRun, "Noticed by ");
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_run_leases"));
        // Its audit trail says so too.
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM ict_audit_trail WHERE outcome ="
                                       " 'interrupted' AND action = 'get_hierarchy'"));
    }

    void ctrlCOnActionWaitCancelsTheRunInsteadOfLeavingItRunning() {
        const int waiting = ict::test::spawnQuiet(kHost, getHierarchyArguments());
        waitUntilRunning();
        const std::string run = text("SELECT id FROM ict_runs WHERE state = 'running'");
        CPPUNIT_ASSERT_EQUAL(0, ::kill(waiting, SIGINT));
        CPPUNIT_ASSERT_EQUAL(130, ict::test::exitCodeOf(waiting));
        const std::string where = " WHERE id = '" + run + "'";
        CPPUNIT_ASSERT_EQUAL(std::string("cancelled"), text("SELECT state FROM ict_runs" + where));
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM ict_audit_trail WHERE run_id = '" +
                                       run + "' AND outcome = 'cancelled'"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM ict_run_leases"));
        // Nothing is left for the next run to wait for.
        const auto next = ict::test::runCommand(kHost, getHierarchyArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(next.err, 0, next.exitCode);
    }

private:
    std::vector<std::string> actionArguments(const std::string& action, const std::string& body,
                                             bool wait) const {
        std::vector<std::string> args = {"action",  "--db",    _db->hostOption(), "--seed-demo",
                                         "--quiet", "--login", "admin@root"};
        if (wait)
            args.push_back("--wait");
        for (const std::string& arg : {std::string("import-customers"), action, body})
            args.push_back(arg);
        return args;
    }

    std::vector<std::string> getHierarchyArguments() const {
        return actionArguments("get-hierarchy", "{\"instanceId\":" + _instance + "}", true);
    }

    ict::test::CommandResult runAction(const std::string& action, const std::string& body) {
        return ict::test::runCommand(kHost, actionArguments(action, body, false));
    }

    bool postgres() const { return _db->dialect() == bss::sdk::SqlDialect::PostgreSQL; }

    long count(const std::string& sql) { return ict::test::countOf(*_host, sql); }

    std::string text(const std::string& sql) { return ict::test::textOf(*_host, sql); }

    /// Waits until a Get Hierarchy run is recorded as running under a live lease.
    void waitUntilRunning() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (count("SELECT COUNT(*) FROM ict_runs r JOIN ict_run_leases l ON l.run_id = r.id"
                     " WHERE r.state = 'running'") == 0) {
            CPPUNIT_ASSERT_MESSAGE("no run started", std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    void assertInterrupted(const std::string& runId, const std::string& noticed) {
        const std::string where = " FROM ict_runs WHERE id = '" + runId + "'";
        CPPUNIT_ASSERT_EQUAL(std::string("interrupted"), text("SELECT state" + where));
        CPPUNIT_ASSERT(!text("SELECT finished_at" + where).empty());
        const std::string message = text("SELECT message" + where);
        for (const std::string& part :
             {std::string("Interrupted: the host running it ("), std::string(" pid "),
              std::string("its last heartbeat was at "), std::string("its lease expired at "),
              noticed})
            CPPUNIT_ASSERT_MESSAGE(message, message.find(part) != std::string::npos);
    }

    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<ict::test::BackgroundCommand> _emulator;
    std::unique_ptr<mockhost::HostDatabase> _host;
    std::string _instance;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TwoHostsTest);
