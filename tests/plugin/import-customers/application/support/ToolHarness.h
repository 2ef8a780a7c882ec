#pragma once
// The Import Customers Tool as the mock host runs it, for integration tests: the host's own
// database (ICT_TEST_DB), instance directory, job queue, log and clock; the real tool started on
// them; Partner Center emulators over TLS for the instances. Actions go through Tool::handle()
// as the host would call them; jobs are awaited by polling the tool's job-status action.

#include "PartnerCenterEmulator.h"
#include "adapter/ImportCustomersTool.h"
#include "auth/PasswordHasher.h"
#include "auth/UserDirectory.h"
#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "orgs/OrganizationDirectory.h"
#include "services/HostClock.h"
#include "services/HostInstanceDirectory.h"
#include "services/InstanceStore.h"
#include "services/JobQueue.h"
#include "services/LogSink.h"
#include "services/ToolServices.h"
#include "support/ImportResultPages.h"
#include "support/IsoTime.h"
#include "support/Sql.h"
#include "support/TestDatabase.h"

#include <bss/sdk/ToolError.h>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace ict::application::test {

using JsonObject = Poco::JSON::Object::Ptr;

/// The harness runs the tool without a host around it: no other tool is enabled anywhere.
inline std::vector<bss::sdk::ToolSummary> aloneOnTheHost(std::int64_t) {
    return {};
}

class ToolHarness {
public:
    static constexpr const char* kAppId = "0b6c2f4e-9a1d-4c3b-8e7f-112233445566";
    static constexpr const char* kAppSecret = "application-test-secret-never-logged";

    /// `clientEnvironment`: ICT_PC_* values that replace the test defaults below (benchmarks).
    explicit ToolHarness(const std::map<std::string, std::string>& clientEnvironment = {}) {
        // Small backoffs and no client-side throttling keep the runner fast ([ICT_PC_* tunables).
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "600000", 1);
        ::setenv("ICT_PC_MAX_ATTEMPTS", "3", 1);
        ::setenv("ICT_PC_TIMEOUT_MS", "5000", 1);
        for (const auto& [name, value] : clientEnvironment)
            ::setenv(name.c_str(), value.c_str(), 1);
        _testDb = std::make_unique<ict::test::TestDatabase>();
        _dialect = _testDb->dialect();
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, nowIso());
        _sink = std::make_shared<mockhost::LogSink>();
        _sink->setMinimumLevel(bss::sdk::LogLevel::Error);
        _logger = std::make_unique<mockhost::HostLogger>(_sink, "host");
        _instances = std::make_unique<mockhost::HostInstanceDirectory>(*_db, _clock);
        _jobs = std::make_unique<mockhost::JobQueue>(_clock, *_logger);

        mockhost::OrganizationDirectory orgs(*_db);
        const auto root = orgs.add("Contoso Root", bss::sdk::OrganizationKind::Root, {});
        orgs.add("Contoso Country", bss::sdk::OrganizationKind::CountryTenant, root);
        orgs.add("Contoso Simple", bss::sdk::OrganizationKind::SimpleTenant, root);
        mockhost::UserDirectory users(*_db);
        _root = caller(orgs, users, "Contoso Root", "admin@root");
        _country = caller(orgs, users, "Contoso Country", "admin@country");
        _simple = caller(orgs, users, "Contoso Simple", "admin@simple");

        _services = std::make_unique<mockhost::ToolServices>(adapter::ImportCustomersTool::kId,
                                                             *_db, *_instances, *_jobs, _sink,
                                                             _clock, aloneOnTheHost);
        _tool.start(*_services);
    }

    /// A second host on `other`'s database: its own instance directory, job queue, log, clock
    /// and tool instance, the same organizations and users (two hosts importing at once).
    explicit ToolHarness(ToolHarness& other)
        : _root(other._root), _country(other._country), _simple(other._simple) {
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(other._testDb->hostOption()));
        _dialect = other._dialect;
        _sink = std::make_shared<mockhost::LogSink>();
        _sink->setMinimumLevel(bss::sdk::LogLevel::Error);
        _logger = std::make_unique<mockhost::HostLogger>(_sink, "host2");
        _instances = std::make_unique<mockhost::HostInstanceDirectory>(*_db, _clock);
        _jobs = std::make_unique<mockhost::JobQueue>(_clock, *_logger);
        _services = std::make_unique<mockhost::ToolServices>(adapter::ImportCustomersTool::kId,
                                                             *_db, *_instances, *_jobs, _sink,
                                                             _clock, aloneOnTheHost);
        _tool.start(*_services);
    }

    ~ToolHarness() {
        // The host's order: join the tool's jobs, stop the tool, then the servers it called.
        _jobs->shutdownTool(adapter::ImportCustomersTool::kId);
        _tool.stop();
        _jobs->shutdown();
        _emulators.clear();
    }

    ToolHarness(const ToolHarness&) = delete;
    ToolHarness& operator=(const ToolHarness&) = delete;

    const bss::sdk::CallContext& root() const { return _root; }
    const bss::sdk::CallContext& country() const { return _country; }
    const bss::sdk::CallContext& simple() const { return _simple; }
    mockhost::HostDatabase& database() { return *_db; }
    mockhost::HostClock& clock() { return _clock; }
    bss::sdk::SqlDialect dialect() const { return _dialect; }

    /// Starts an emulator with `tenants` generated tenants of `model`.
    mockhost::emulator::PartnerCenterEmulator& startEmulator(mockhost::emulator::SalesModel model,
                                                             int tenants, std::uint64_t seed) {
        mockhost::emulator::EmulatorOptions options;
        options.certDirectory = std::string(ICT_BINARY_DIR) + "/test-certs/application";
        Poco::File(options.certDirectory).createDirectories();
        options.data.seed = seed;
        options.data.tenantCount = tenants;
        options.data.model = model;
        options.faults.rateLimitPerMinute = 0;
        options.clientId = kAppId;
        options.clientSecret = kAppSecret;
        options.threads = 8;
        _emulators.push_back(std::make_unique<mockhost::emulator::PartnerCenterEmulator>(options));
        _emulators.back()->start();
        return *_emulators.back();
    }

    /// Every answer of `emulator` (token endpoint included) waits `ms` first.
    static void setLatency(mockhost::emulator::PartnerCenterEmulator& emulator, int ms) {
        auto faults = emulator.state().faults();
        faults.latencyMs = ms;
        emulator.state().setFaults(faults);
    }

    /// An instance record of the root organization that points at `emulator`.
    mockhost::InstanceRecord instanceRecord(const std::string& name, const std::string& cspModel,
                                            mockhost::emulator::PartnerCenterEmulator& emulator) {
        mockhost::InstanceRecord record;
        record.ownerOrganizationId = _root.organization.id;
        record.name = name;
        record.cspModel = cspModel;
        record.partnerCenterUrl = emulator.baseUrl();
        record.loginUrl = emulator.baseUrl();
        record.caBundlePath = emulator.caCertificatePath();
        record.partnerTenantId = emulator.partnerTenantId();
        record.appId = kAppId;
        record.appSecret = kAppSecret;
        record.refreshToken = emulator.initialRefreshToken();
        record.refreshTokenExpiresAtIso =
            mockhost::formatIso(_clock.now() + std::chrono::hours(24 * 365));
        return record;
    }

    /// Adds an instance owned by the root organization that points at `emulator`.
    std::int64_t addInstance(const std::string& name, const std::string& cspModel,
                             mockhost::emulator::PartnerCenterEmulator& emulator) {
        return addInstance(instanceRecord(name, cspModel, emulator));
    }
    std::int64_t addInstance(const mockhost::InstanceRecord& record) {
        return mockhost::InstanceStore(*_db).add(record, nowIso());
    }
    /// What the host's admin page does when an instance is edited.
    void updateInstance(const mockhost::InstanceRecord& record) {
        mockhost::InstanceStore(*_db).update(record, nowIso());
    }

    /// Tool::handle() as the host calls it; the answer parsed. ToolError passes through.
    JsonObject call(const bss::sdk::CallContext& caller, const std::string& action,
                    const std::string& body) {
        const std::string answer = _tool.handle({caller, action, body});
        return Poco::JSON::Parser().parse(answer).extract<JsonObject>();
    }
    JsonObject call(const std::string& action, const std::string& body) {
        return call(_root, action, body);
    }

    /// Every result of an import or dry run, as one results answer (see ImportResultPages.h).
    JsonObject results(const bss::sdk::CallContext& caller, const std::string& runId) {
        return ict::test::allResultPages(
            runId, [&](const std::string& body) { return call(caller, "import-results", body); });
    }
    JsonObject results(const std::string& runId) { return results(_root, runId); }

    /// Runs a dry run to its end; returns its whole results answer. Throws when it fails.
    JsonObject dryRun(const bss::sdk::CallContext& caller, const std::string& body) {
        const JsonObject started = call(caller, "import-dry-run", body);
        const JsonObject job = waitJob(caller, started->getValue<std::string>("jobId"));
        if (job->getValue<std::string>("state") != "succeeded")
            throw std::runtime_error("dry run ended " + job->getValue<std::string>("state") + ": " +
                                     job->getValue<std::string>("error"));
        return results(caller, started->getValue<std::string>("runId"));
    }
    JsonObject dryRun(const std::string& body) { return dryRun(_root, body); }

    /// What a streamed action wrote, with the type and file name it began with.
    struct Streamed {
        std::string contentType;
        std::string fileName;
        std::string body;
    };
    /// Tool::stream() as the host calls it. ToolError passes through.
    Streamed stream(const bss::sdk::CallContext& caller, const std::string& action,
                    const std::string& body) {
        struct Collect : bss::sdk::ResponseStream {
            Streamed got;
            void begin(const std::string& type, const std::string& file) override {
                got.contentType = type;
                got.fileName = file;
            }
            bool write(const std::string& bytes) override {
                got.body += bytes;
                return true;
            }
        } out;
        _tool.stream({caller, action, body}, out);
        return out.got;
    }

    /// Starts a Get Hierarchy; returns the job id.
    std::string startHierarchy(const bss::sdk::CallContext& caller, const std::string& body) {
        return call(caller, "get-hierarchy", body)->getValue<std::string>("jobId");
    }

    /// Polls job-status until the job ends (30 s at most); returns its last status.
    JsonObject waitJob(const bss::sdk::CallContext& caller, const std::string& jobId) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (true) {
            JsonObject status = jobStatus(caller, jobId);
            const std::string state = status->getValue<std::string>("state");
            if (state != "queued" && state != "running")
                return status;
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("job " + jobId + " still " + state + " after 30 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    JsonObject jobStatus(const bss::sdk::CallContext& caller, const std::string& jobId) {
        return call(caller, "job-status", "{\"jobId\":\"" + jobId + "\"}");
    }

    /// Runs a Get Hierarchy to its end; returns the final job status.
    JsonObject runHierarchy(const bss::sdk::CallContext& caller, const std::string& body) {
        return waitJob(caller, startHierarchy(caller, body));
    }
    JsonObject runHierarchy(const std::string& body) { return runHierarchy(_root, body); }

    /// Waits until the job is running and has made some progress past the start.
    void waitRunning(const bss::sdk::CallContext& caller, const std::string& jobId) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (jobStatus(caller, jobId)->getValue<std::string>("state") != "running") {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("job " + jobId + " never ran");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    /// Inserts a BSS customer account of the root organization; returns its id.
    std::int64_t insertAccount(const std::string& name, const std::string& tenantId,
                               const std::string& domain) {
        Poco::Data::Session session = _db->session();
        Poco::Int64 org = _root.organization.id;
        std::string n = name, t = tenantId, d = domain, at = nowIso();
        Poco::Nullable<std::string> tenant;
        if (!t.empty())
            tenant = t;
        using namespace Poco::Data::Keywords;
        session << mockhost::sqlFor(dialect(), "INSERT INTO accounts (organization_id, kind, name,"
                                               " external_ms_tenant_id, primary_domain, created_at)"
                                               " VALUES (?, 'customer', ?, ?, ?, ?)"),
            use(org), use(n), use(tenant), use(d), use(at), now;
        Poco::Int64 id = 0;
        session << mockhost::sqlFor(dialect(), "SELECT MAX(id) FROM accounts"), into(id), now;
        return id;
    }

    /// Inserts a BSS subscription of `accountId` holding the Microsoft subscription id.
    void insertSubscription(std::int64_t accountId, const std::string& microsoftId) {
        Poco::Data::Session session = _db->session();
        using namespace Poco::Data::Keywords;
        if (_productId == 0) {
            Poco::Int64 org = _root.organization.id;
            session << mockhost::sqlFor(dialect(), "INSERT INTO products (organization_id, name,"
                                                   " sku) VALUES (?, 'Test product', 'TEST')"),
                use(org), now;
            session << mockhost::sqlFor(dialect(), "SELECT MAX(id) FROM products"),
                into(_productId), now;
        }
        Poco::Int64 account = accountId;
        std::string ms = microsoftId, at = nowIso();
        session << mockhost::sqlFor(dialect(),
                                    "INSERT INTO subscriptions (account_id,"
                                    " external_ms_subscription_id, product_id, name, quantity,"
                                    " status, billing_cycle, term_duration, created_at)"
                                    " VALUES (?, ?, ?, 'Test', 1, 'active', 'monthly', 'P1M', ?)"),
            use(account), use(ms), use(_productId), use(at), now;
    }

    /// The --db value of this harness's database.
    std::string databaseOption() const { return _testDb->hostOption(); }

    std::string nowIso() const { return mockhost::formatIso(_clock.now()); }

private:
    static bss::sdk::CallContext caller(mockhost::OrganizationDirectory& orgs,
                                        mockhost::UserDirectory& users, const std::string& org,
                                        const std::string& login) {
        bss::sdk::CallContext context;
        context.organization = *orgs.byName(org);
        // The users never log in: one hash of their password, made once per process, spares
        // each harness three PBKDF2 runs of 600,000 rounds (a second each under ASan).
        static const std::string salt = mockhost::PasswordHasher::newSalt();
        static const std::string hash = mockhost::PasswordHasher::hash("test-password", salt);
        context.user.id = users.addUserWithHash(context.organization.id, login, login, salt, hash);
        context.user.login = login;
        context.user.displayName = login;
        context.permissions = {bss::sdk::kPermissionSystemAdmin};
        context.requestId = "test-" + login;
        return context;
    }

    std::unique_ptr<ict::test::TestDatabase> _testDb; ///< Null in a second host.
    bss::sdk::SqlDialect _dialect = bss::sdk::SqlDialect::SQLite;
    std::unique_ptr<mockhost::HostDatabase> _db;
    mockhost::HostClock _clock;
    std::shared_ptr<mockhost::LogSink> _sink;
    std::unique_ptr<mockhost::HostLogger> _logger;
    std::unique_ptr<mockhost::HostInstanceDirectory> _instances;
    std::unique_ptr<mockhost::JobQueue> _jobs;
    std::vector<std::unique_ptr<mockhost::emulator::PartnerCenterEmulator>> _emulators;
    std::unique_ptr<mockhost::ToolServices> _services;
    adapter::ImportCustomersTool _tool;
    Poco::Int64 _productId = 0;
    bss::sdk::CallContext _root;
    bss::sdk::CallContext _country;
    bss::sdk::CallContext _simple;
};

} // namespace ict::application::test
