// The Azure Plan Migration Tool's runs across hosts: two real `mock-host action` processes (each a
// whole host with both tools loaded) on one database (ICT_TEST_DB: one PostgreSQL database or one
// SQLite file), against one Partner Center emulator process. A second host's scan of the same
// instance is refused while the first runs; a host killed with SIGKILL mid-scan leaves a lease
// that expires, its run is marked interrupted (when and why) by the next run, the list stays the
// last good scan's, and the killed scan's rows are gone once a later scan completes. A Ctrl-C on
// `action --wait` cancels the scan instead.
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

#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>

namespace {

using namespace Poco::Data::Keywords;
const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
constexpr int kLeaseTtlMs = 1500;

} // namespace

class AzurePlanTwoHostsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AzurePlanTwoHostsTest);
    CPPUNIT_TEST(aSecondHostsScanIsRefusedWhileTheFirstRuns);
    CPPUNIT_TEST(aKilledHostsScanIsInterruptedAndTheListStaysTheLastGoodOne);
    CPPUNIT_TEST(ctrlCOnAScanCancelsItAndKeepsTheList);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "1000000", 1);
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_LEASE_TTL_MS", std::to_string(kLeaseTtlMs).c_str(), 1);
        // Pages of 30 customers: a scan writes its rows ten times, so it can be killed between.
        ::setenv("ICT_PC_PAGE_SIZE", "30", 1);
        _db = std::make_unique<ict::test::TestDatabase>();
        const std::string certs = std::string(ICT_BINARY_DIR) + "/test-certs/apm-two-hosts";
        Poco::File(certs).createDirectories();
        // 20 ms a request, 4 in flight: a scan of 300 tenants takes about 2 s.
        _emulator = ict::test::startEmulatorInstance(_db->hostOption(), certs,
                                                     {"--tenants", "300", "--model", "direct",
                                                      "--latency-ms", "20", "--rate-limit", "0",
                                                      "--seed", "909"});
        _host = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_db->hostOption()));
        _instance =
            std::to_string(count("SELECT id FROM microsoft_instances WHERE name = 'Shared PC'"));
    }

    void tearDown() override {
        _host.reset();
        _emulator.reset();
        _db.reset();
    }

    void aSecondHostsScanIsRefusedWhileTheFirstRuns() {
        const int first = ict::test::spawnQuiet(kHost, scanArguments());
        waitUntilRunning();
        const auto second = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL(1, second.exitCode);
        for (const char* part : {"error 409 conflict", "'scan' job for instance:",
                                 "is already running since", "started by admin@root", "on host"})
            CPPUNIT_ASSERT_MESSAGE(second.err, second.err.find(part) != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(0, ict::test::exitCodeOf(first));
        const auto third = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(third.err, 0, third.exitCode);
        CPPUNIT_ASSERT_EQUAL(2L, count("SELECT COUNT(*) FROM apm_runs WHERE state = 'succeeded'"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM apm_run_leases"));
        // Each plan is listed once: the first scan's rows went when the third was swapped in.
        CPPUNIT_ASSERT_EQUAL(count("SELECT COUNT(*) FROM apm_plans"),
                             count("SELECT COUNT(DISTINCT plan_subscription_id) FROM apm_plans"));
    }

    void aKilledHostsScanIsInterruptedAndTheListStaysTheLastGoodOne() {
        const auto good = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(good.err, 0, good.exitCode);
        const std::string goodRun = text("SELECT scan_run_id FROM apm_instance_state");
        const long plans = count("SELECT COUNT(*) FROM apm_plans");
        CPPUNIT_ASSERT(plans > 0);

        const int killed = ict::test::spawnQuiet(kHost, scanArguments());
        waitUntilRunning();
        const std::string killedRun = text("SELECT run_id FROM apm_runs WHERE state = 'running'");
        // Killed once it has written rows of its own.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (count("SELECT COUNT(*) FROM apm_plans WHERE run_id = '" + killedRun + "'") == 0) {
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ict::test::killChild(killed);
        // Its lease still holds the instance: refused, as if it were alive.
        const auto refused = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL(1, refused.exitCode);
        CPPUNIT_ASSERT_MESSAGE(refused.err, refused.err.find("409") != std::string::npos);
        // The list is still the good scan's.
        CPPUNIT_ASSERT_EQUAL(goodRun, text("SELECT scan_run_id FROM apm_instance_state"));

        CPPUNIT_ASSERT(ict::test::waitUntilNoLiveLease(_host->session(), postgres(),
                                                       std::chrono::seconds(10), "apm_run_leases"));
        const auto next = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(next.err, 0, next.exitCode);
        const std::string where = " FROM apm_runs WHERE run_id = '" + killedRun + "'";
        CPPUNIT_ASSERT_EQUAL(std::string("interrupted"), text("SELECT state" + where));
        CPPUNIT_ASSERT(!text("SELECT finished_at" + where).empty());
        const std::string message = text("SELECT error" + where);
        for (const char* part :
             {"Interrupted: the host running it (", "its lease expired at ", "Noticed by "})
            CPPUNIT_ASSERT_MESSAGE(message, message.find(part) != std::string::npos);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(
            text("SELECT outcome || ' ' || detail FROM apm_audit_trail WHERE run_id = '" +
                 killedRun + "'"),
            1L,
            count("SELECT COUNT(*) FROM apm_audit_trail WHERE run_id = '" + killedRun +
                  "' AND outcome = 'interrupted'"));
        // Only the last scan's rows are left, as many as the good scan had (same data).
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM apm_plans WHERE run_id <> '" +
                                       text("SELECT scan_run_id FROM apm_instance_state") + "'"));
        CPPUNIT_ASSERT_EQUAL(plans, count("SELECT COUNT(*) FROM apm_plans"));
    }

    void ctrlCOnAScanCancelsItAndKeepsTheList() {
        const auto good = ict::test::runCommand(kHost, scanArguments());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(good.err, 0, good.exitCode);
        const std::string goodRun = text("SELECT scan_run_id FROM apm_instance_state");
        const int waiting = ict::test::spawnQuiet(kHost, scanArguments());
        waitUntilRunning();
        const std::string run = text("SELECT run_id FROM apm_runs WHERE state = 'running'");
        CPPUNIT_ASSERT_EQUAL(0, ::kill(waiting, SIGINT));
        CPPUNIT_ASSERT_EQUAL(130, ict::test::exitCodeOf(waiting));
        CPPUNIT_ASSERT_EQUAL(std::string("cancelled"),
                             text("SELECT state FROM apm_runs WHERE run_id = '" + run + "'"));
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM apm_audit_trail WHERE run_id = '" +
                                       run + "' AND outcome = 'cancelled'"));
        // The list is the good scan's; the cancelled scan's rows are gone; no lease is left.
        CPPUNIT_ASSERT_EQUAL(goodRun, text("SELECT scan_run_id FROM apm_instance_state"));
        CPPUNIT_ASSERT_EQUAL(0L,
                             count("SELECT COUNT(*) FROM apm_plans WHERE run_id = '" + run + "'"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM apm_run_leases"));
    }

private:
    std::vector<std::string> scanArguments() const {
        return {"action",
                "--db",
                _db->hostOption(),
                "--seed-demo",
                "--quiet",
                "--login",
                "admin@root",
                "--wait",
                "azure-plan-migration",
                "scan",
                "{\"instanceId\":" + _instance + "}"};
    }

    bool postgres() const { return _db->dialect() == bss::sdk::SqlDialect::PostgreSQL; }

    long count(const std::string& sql) { return ict::test::countOf(*_host, sql); }

    std::string text(const std::string& sql) { return ict::test::textOf(*_host, sql); }

    /// Waits until a scan is recorded as running under a live lease (the tables exist once the
    /// first host started the tool).
    void waitUntilRunning() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            try {
                if (count("SELECT COUNT(*) FROM apm_runs r JOIN apm_run_leases l ON l.run_id ="
                          " r.run_id WHERE r.state = 'running'") > 0)
                    return;
            } catch (const Poco::Exception&) {
                // The starting host has not created the tool's tables yet.
            }
            CPPUNIT_ASSERT_MESSAGE("no scan started", std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<ict::test::BackgroundCommand> _emulator;
    std::unique_ptr<mockhost::HostDatabase> _host;
    std::string _instance;
};

CPPUNIT_TEST_SUITE_REGISTRATION(AzurePlanTwoHostsTest);
