// Crash safety of the import ([B2]) with the real host binary: `mock-host action --emulator
// ... --wait import-customers import` in a child process on the ICT_TEST_DB database, killed with
// SIGKILL at a random moment after it started writing tenants, then the import run again. No
// account or subscription is duplicated and no tenant is half written: every tenant either has
// all its importable subscriptions or nothing.
#include "db/HostDatabase.h"
#include "support/CliImportRuns.h"
#include "support/CommandRunner.h"
#include "support/ImportOutcomeTenants.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Process.h>

#include <chrono>
#include <csignal>
#include <random>
#include <thread>

#include <sys/types.h>
#include <sys/wait.h>

namespace {

using JsonObject = Poco::JSON::Object::Ptr;
const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
constexpr int kTenants = 240;
/// Result rows of import runs (dry runs keep results too).
const std::string kImportResults = "SELECT COUNT(*) FROM ict_import_results r JOIN ict_runs u"
                                   " ON u.id = r.run_id WHERE u.kind = 'import'";

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace

class ImportCrashTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportCrashTest);
    CPPUNIT_TEST(sigkillDuringImportThenRerunLeavesNoDuplicateAndNoHalfTenant);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "600000", 1);
        // A killed host's lease expires soon, so the re-run can take the instance over.
        ::setenv("ICT_LEASE_TTL_MS", "2000", 1);
        _db = std::make_unique<ict::test::TestDatabase>();
        _certs = std::string(ICT_BINARY_DIR) + "/test-certs/application-crash";
        Poco::File(_certs).createDirectories();
    }
    void tearDown() override {
        _host.reset();
        _db.reset();
    }

    void sigkillDuringImportThenRerunLeavesNoDuplicateAndNoHalfTenant() {
        const std::string instances = action("list-instances", "{}").out;
        const std::int64_t id = instanceId(instances, "Global Partner Center (direct)");
        const std::string instance = std::to_string(id);
        auto hierarchy =
            action("get-hierarchy", "{\"instanceId\":" + instance + ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(hierarchy.err, 0, hierarchy.exitCode);
        openDatabase();
        const std::string all = "{\"instanceId\":" + instance + ",\"all\":true}";
        const JsonObject plan = ict::test::cliDryRun(cli(), all);
        const int planned = plan->getObject("summary")->getValue<int>("tenants");
        CPPUNIT_ASSERT(planned > 100);
        CPPUNIT_ASSERT(plan->getObject("summary")->getValue<int>("subscriptionsCreated") > planned);

        // The import in a child process, killed at a random moment while it writes tenants:
        // once a random number of them (1 to half the plan) is committed.
        std::mt19937 random(std::random_device{}());
        const long target = std::uniform_int_distribution<long>(1, planned / 2)(random);
        const pid_t child = spawn(all);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (count(kImportResults) < target) {
            CPPUNIT_ASSERT_MESSAGE("the import never wrote its tenants",
                                   std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        CPPUNIT_ASSERT_EQUAL(0, ::kill(child, SIGKILL));
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(child, ::waitpid(child, &status, 0));
        CPPUNIT_ASSERT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        const long written = count(kImportResults);
        std::cerr << " [killed after " << written << " of " << planned << " tenants] ";
        CPPUNIT_ASSERT_MESSAGE("the kill came after the import ended", written < planned);

        // No half tenant: each account the killed run created holds every subscription the plan
        // gives it. A dry run now plans to create exactly the tenants not written; a written
        // tenant is either no longer importable (its saved row was refreshed with its batch) or
        // planned on its existing account with nothing left to add.
        assertNoDuplicates();
        const long accountsAfterKill = count("SELECT COUNT(*) FROM accounts WHERE kind = 'customer'"
                                             " AND created_by_import IS NOT NULL");
        CPPUNIT_ASSERT_EQUAL(written, accountsAfterKill);
        const JsonObject midway = ict::test::cliDryRun(cli(), all);
        long toCreate = 0;
        for (const JsonObject& tenant : ict::test::tenantsOf(midway)) {
            if (tenant->getValue<std::string>("account") != "existing") {
                toCreate += tenant->getValue<std::string>("account") == "created";
                continue;
            }
            const auto subs = tenant->getArray("subscriptions");
            for (std::size_t i = 0; i < subs->size(); ++i) {
                const std::string result =
                    subs->getObject(static_cast<unsigned>(i))->getValue<std::string>("result");
                CPPUNIT_ASSERT_MESSAGE(tenant->getValue<std::string>("tenantId") +
                                           " is half written: " + result,
                                       result != "added" && result != "created");
            }
        }
        CPPUNIT_ASSERT_EQUAL(planned - written, toCreate);

        // The re-run finishes the rest, and creates nothing twice. The killed run's lease
        // holds the instance until it expires; the re-run then takes it over and marks the
        // killed run interrupted.
        const std::string killedRun = lastImportRun();
        // The killed import left its audit entry: written when it started (and marked
        // interrupted already when the dry run's host started after the killed run's lease had
        // expired, as it does on a slow machine).
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM ict_audit_trail WHERE run_id = '" +
                                       killedRun +
                                       "' AND action = 'import' AND outcome IN ('running',"
                                       " 'interrupted')"));
        auto rerun = action("import", all);
        const auto tryUntil = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (rerun.exitCode != 0 && rerun.err.find("409") != std::string::npos &&
               std::chrono::steady_clock::now() < tryUntil) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            rerun = action("import", all);
        }
        CPPUNIT_ASSERT_EQUAL_MESSAGE(rerun.err, 0, rerun.exitCode);
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM ict_runs WHERE id = '" + killedRun +
                                       "' AND state = 'interrupted' AND message LIKE"
                                       " 'Interrupted: the host running it%'"));
        CPPUNIT_ASSERT_EQUAL(1L, count("SELECT COUNT(*) FROM ict_audit_trail WHERE run_id = '" +
                                       killedRun + "' AND outcome = 'interrupted'"));
        const JsonObject result = json(rerun.out)->getObject("result");
        CPPUNIT_ASSERT_EQUAL(planned - static_cast<int>(written),
                             result->getObject("summary")->getValue<int>("accountsCreated"));
        assertNoDuplicates();
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(planned),
                             count("SELECT COUNT(*) FROM accounts WHERE kind = 'customer'"));
        CPPUNIT_ASSERT_EQUAL(
            static_cast<long>(plan->getObject("summary")->getValue<int>("subscriptionsCreated")),
            count("SELECT COUNT(*) FROM subscriptions"));
        const JsonObject after = ict::test::cliDryRun(cli(), all)->getObject("summary");
        CPPUNIT_ASSERT_EQUAL(0, after->getValue<int>("accountsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, after->getValue<int>("subscriptionsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, after->getValue<int>("subscriptionsAdded"));
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
                "77",
                "--emulator-cert-dir",
                _certs,
                "--clock",
                "2026-03-15T10:00:00Z",
                "--quiet"};
    }

    ict::test::CliAction cli() {
        return
            [this](const std::string& name, const std::string& body) { return action(name, body); };
    }

    ict::test::CommandResult action(const std::string& name, const std::string& body) {
        std::vector<std::string> args = {"action"};
        for (const std::string& arg : common())
            args.push_back(arg);
        for (const std::string& arg :
             {std::string("--login"), std::string("admin@root"), std::string("--wait"),
              std::string("import-customers"), name, body})
            args.push_back(arg);
        return ict::test::runCommand(kHost, args);
    }

    /// Starts the import in a child process (output to files); returns its pid.
    pid_t spawn(const std::string& body) {
        std::string command = "exec " + shellQuote(kHost) + " action";
        for (const std::string& arg : common())
            command += " " + shellQuote(arg);
        command += " --login admin@root --wait import-customers import " + shellQuote(body) +
                   " >/dev/null 2>&1";
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        CPPUNIT_ASSERT(pid > 0);
        return pid;
    }

    /// The id of the latest import run.
    std::string lastImportRun() {
        Poco::Data::Session session = _host->session();
        std::string id;
        using namespace Poco::Data::Keywords;
        session << "SELECT id FROM ict_runs WHERE kind = 'import' ORDER BY seq DESC LIMIT 1",
            into(id), now;
        return id;
    }

    static JsonObject json(const std::string& text) {
        return Poco::JSON::Parser().parse(text).extract<JsonObject>();
    }

    static std::int64_t instanceId(const std::string& listing, const std::string& name) {
        const auto list = json(listing)->getArray("instances");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonObject item = list->getObject(static_cast<unsigned>(i));
            if (item->getValue<std::string>("name") == name)
                return item->getValue<std::int64_t>("id");
        }
        throw std::runtime_error("no instance " + name + " in " + listing);
    }

    void openDatabase() {
        _host = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_db->hostOption()));
    }

    long count(const std::string& sql) {
        Poco::Data::Session session = _host->session();
        Poco::Int64 n = 0;
        using namespace Poco::Data::Keywords;
        session << sql, into(n), now;
        return static_cast<long>(n);
    }

    void assertNoDuplicates() {
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM (SELECT external_ms_tenant_id FROM"
                                       " accounts WHERE external_ms_tenant_id IS NOT NULL GROUP BY"
                                       " organization_id, external_ms_tenant_id HAVING COUNT(*) >"
                                       " 1) d"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM (SELECT external_ms_subscription_id"
                                       " FROM subscriptions GROUP BY external_ms_subscription_id"
                                       " HAVING COUNT(*) > 1) d"));
        CPPUNIT_ASSERT_EQUAL(0L, count("SELECT COUNT(*) FROM (SELECT mpn_id FROM accounts WHERE"
                                       " kind = 'reseller' GROUP BY organization_id, mpn_id HAVING"
                                       " COUNT(*) > 1) d"));
    }

    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<mockhost::HostDatabase> _host;
    std::string _certs;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportCrashTest);
