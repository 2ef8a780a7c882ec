// Fault soak: Get Hierarchy and import of 2,000 tenants against an emulator that answers 10% of
// the /v1 requests with 5xx, 5% with 429, 2% never (timeout) and 1% with a body that is not JSON.
// The run must end with every tenant either done or listed with its error, and nothing in the
// BSS twice; a second pass without faults then completes exactly the rest.
#include "support/ImportOutcomeTenants.h"
#include "support/ImportResultPages.h"
#include "support/LiveHost.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>

#include <iostream>
#include <map>
#include <set>

using namespace ict::reliability::test;
using mockhost::emulator::DataSet;

namespace {

constexpr int kTenants = 2000;

/// tenant id -> its subscription ids, for the tenants still with the partner.
std::map<std::string, std::set<std::string>> partnerCenterData(LiveHost& live) {
    return live.direct().state().withData([](const DataSet& data) {
        std::map<std::string, std::set<std::string>> tenants;
        for (const auto& customer : data.customers) {
            if (customer.left)
                continue;
            auto& subs = tenants[customer.id];
            for (const auto& subscription : customer.subscriptions)
                subs.insert(subscription.id);
        }
        return tenants;
    });
}

} // namespace

class FaultSoakTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FaultSoakTest);
    CPPUNIT_TEST(hierarchyAndImportOf2000TenantsUnderFaultsLoseAndDuplicateNothing);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        // Short waits so the retries of ~1,000 faults fit in the test's time; every attempt
        // still goes through the real retry paths (backoff, Retry-After, timeout).
        ::setenv("ICT_PC_BACKOFF_MS", "2", 1);
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "10000000", 1);
        ::setenv("ICT_PC_MAX_ATTEMPTS", "4", 1);
        ::setenv("ICT_PC_TIMEOUT_MS", "400", 1);
        ::setenv("ICT_PC_RETRY_AFTER_MAX_MS", "20", 1);
        ::setenv("ICT_PC_MAX_IN_FLIGHT", "8", 1);
        LiveHostOptions options;
        options.tenants = kTenants;
        options.seed = 2026;
        options.http = false;
        options.logLevel = bss::sdk::LogLevel::Error; // not a warning line per injected fault
        _live = std::make_unique<LiveHost>(options);
    }
    void tearDown() override { _live.reset(); }

    void hierarchyAndImportOf2000TenantsUnderFaultsLoseAndDuplicateNothing() {
        auto& pc = _live->direct();
        auto faults = pc.state().faults();
        faults.serverErrorRate = 0.10;
        faults.throttleRate = 0.05;
        faults.timeoutRate = 0.02;
        faults.timeoutHangMs = 700;
        faults.malformedRate = 0.01;
        faults.rateLimitPerMinute = 0;
        faults.seed = 99;
        pc.state().setFaults(faults);
        const auto data = partnerCenterData(*_live);
        const std::string instance =
            std::to_string(_live->instanceId(mockhost::kDemoDirectInstance));

        // Get Hierarchy: every live tenant is in the saved hierarchy, with its data or its error.
        const JsonObject job = _live->waitJob(
            "admin@root", text(_live->call("admin@root", "get-hierarchy",
                                           "{\"instanceId\":" + instance + ",\"mode\":\"mass\"}"),
                               "jobId"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(job, "error"), std::string("succeeded"),
                                     text(job, "state"));
        const auto rows = tenantRows(instance);
        CPPUNIT_ASSERT_EQUAL(data.size(), rows.size());
        std::size_t withError = 0;
        for (const auto& [tenantId, row] : rows) {
            CPPUNIT_ASSERT_MESSAGE(tenantId + " is not in Partner Center", data.count(tenantId));
            if (!text(row, "error").empty()) {
                ++withError;
                CPPUNIT_ASSERT(!row->getValue<bool>("importable"));
            }
        }
        const JsonObject hierarchy = job->getObject("result");
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(withError), hierarchy->getValue<int>("failures"));
        const auto& counters = pc.state().counters();
        std::cerr << " [hierarchy: " << rows.size() << " tenants, " << withError
                  << " listed with an error, " << counters.count("faults") << " faults, "
                  << counters.count("throttled") << " 429s] ";
        CPPUNIT_ASSERT(counters.count("faults") > 100);
        CPPUNIT_ASSERT(counters.count("throttled") > 50);

        // Import of all importable tenants under the same faults.
        const JsonObject first = runImport(instance);
        std::set<std::string> done;
        std::size_t failed = 0;
        for (const JsonObject& tenant : ict::test::tenantsOf(first)) {
            const std::string id = text(tenant, "tenantId");
            CPPUNIT_ASSERT_MESSAGE(id + " twice in the outcome", !done.count(id));
            CPPUNIT_ASSERT_MESSAGE(id + " imported although listed with an error",
                                   text(rows.at(id), "error").empty());
            const std::string account = text(tenant, "account");
            if (account == "failed") {
                CPPUNIT_ASSERT_MESSAGE(id + " failed without a reason",
                                       !text(tenant, "accountReason").empty());
                ++failed;
            } else {
                CPPUNIT_ASSERT_EQUAL_MESSAGE(id, std::string("created"), account);
                done.insert(id);
            }
        }
        std::size_t importable = 0;
        for (const auto& [tenantId, row] : rows) {
            if (!row->getValue<bool>("importable")) {
                CPPUNIT_ASSERT_MESSAGE(tenantId + " not importable without a reason",
                                       !text(row, "error").empty() ||
                                           !text(row, "notImportableReason").empty());
                continue;
            }
            ++importable;
        }
        CPPUNIT_ASSERT_EQUAL(importable, done.size() + failed);
        std::cerr << " [import: " << done.size() << " done, " << failed << " failed] ";
        assertBssMatches(data, done);

        // Without faults, a refresh and a second import finish the rest and create nothing twice.
        faults.serverErrorRate = faults.throttleRate = faults.timeoutRate = 0;
        faults.malformedRate = 0;
        pc.state().setFaults(faults);
        const JsonObject again = _live->waitJob(
            "admin@root", text(_live->call("admin@root", "get-hierarchy",
                                           "{\"instanceId\":" + instance + ",\"mode\":\"mass\"}"),
                               "jobId"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), text(again, "state"));
        CPPUNIT_ASSERT_EQUAL(0, again->getObject("result")->getValue<int>("failures"));
        const JsonObject second = runImport(instance);
        std::set<std::string> all = done;
        for (const JsonObject& tenant : ict::test::tenantsOf(second)) {
            const std::string id = text(tenant, "tenantId");
            CPPUNIT_ASSERT_MESSAGE(id + ": " + text(tenant, "accountReason"),
                                   text(tenant, "account") != "failed");
            if (text(tenant, "account") != "created")
                continue;
            CPPUNIT_ASSERT_MESSAGE(id + " was imported by the first pass yet created again",
                                   !done.count(id));
            all.insert(id);
        }
        std::cerr << " [second pass: " << all.size() - done.size() << " more] ";
        CPPUNIT_ASSERT(all.size() > done.size() || failed == 0);
        assertBssMatches(data, all);
        const JsonObject rest = dryRunSummary(instance);
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("accountsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("subscriptionsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, rest->getValue<int>("subscriptionsAdded"));
    }

private:
    /// Every tenant row of the saved hierarchy by tenant id (page by page).
    std::map<std::string, JsonObject> tenantRows(const std::string& instance) {
        std::map<std::string, JsonObject> rows;
        for (int offset = 0;; offset += 500) {
            const JsonObject page =
                _live->call("admin@root", "tenants",
                            "{\"instanceId\":" + instance +
                                ",\"limit\":500,\"offset\":" + std::to_string(offset) + "}");
            const auto list = page->getArray("rows");
            for (std::size_t i = 0; i < list->size(); ++i) {
                const JsonObject row = list->getObject(static_cast<unsigned>(i));
                CPPUNIT_ASSERT_MESSAGE(text(row, "tenantId") + " listed twice",
                                       rows.emplace(text(row, "tenantId"), row).second);
            }
            if (list->size() < 500)
                return rows;
        }
    }

    JsonObject runImport(const std::string& instance) {
        const JsonObject started =
            _live->call("admin@root", "import", "{\"instanceId\":" + instance + ",\"all\":true}");
        const JsonObject job = _live->waitJob("admin@root", text(started, "jobId"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(job, "error"), std::string("succeeded"),
                                     text(job, "state"));
        return ict::test::allResultPages(text(started, "runId"), [&](const std::string& body) {
            return _live->call("admin@root", "import-results", body);
        });
    }

    /// A dry run of every importable tenant to its end: the counts of what it would do.
    JsonObject dryRunSummary(const std::string& instance) {
        const JsonObject started = _live->call("admin@root", "import-dry-run",
                                               "{\"instanceId\":" + instance + ",\"all\":true}");
        const JsonObject job = _live->waitJob("admin@root", text(started, "jobId"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(job, "error"), std::string("succeeded"),
                                     text(job, "state"));
        return job->getObject("result")->getObject("summary");
    }

    /// The BSS holds one account per imported tenant and one subscription per Microsoft
    /// subscription, each under the account of the tenant Partner Center has it under.
    void assertBssMatches(const std::map<std::string, std::set<std::string>>& data,
                          const std::set<std::string>& imported) {
        Poco::Data::Session session = _live->host().database().session();
        using namespace Poco::Data::Keywords;
        std::vector<std::string> tenants;
        session << "SELECT external_ms_tenant_id FROM accounts WHERE kind = 'customer' AND"
                   " external_ms_tenant_id IS NOT NULL",
            into(tenants), now;
        const std::set<std::string> unique(tenants.begin(), tenants.end());
        CPPUNIT_ASSERT_EQUAL(tenants.size(), unique.size());
        CPPUNIT_ASSERT(unique == imported);
        std::vector<std::string> subTenants, subIds;
        session << "SELECT a.external_ms_tenant_id, s.external_ms_subscription_id FROM"
                   " subscriptions s JOIN accounts a ON a.id = s.account_id",
            into(subTenants), into(subIds), now;
        const std::set<std::string> uniqueSubs(subIds.begin(), subIds.end());
        CPPUNIT_ASSERT_EQUAL(subIds.size(), uniqueSubs.size());
        for (std::size_t i = 0; i < subIds.size(); ++i) {
            const auto tenant = data.find(subTenants[i]);
            CPPUNIT_ASSERT_MESSAGE(subTenants[i] + " is not in Partner Center",
                                   tenant != data.end());
            CPPUNIT_ASSERT_MESSAGE(subIds[i] + " is not a subscription of " + subTenants[i],
                                   tenant->second.count(subIds[i]));
        }
        CPPUNIT_ASSERT(!subIds.empty());
    }

    std::unique_ptr<LiveHost> _live;
};

CPPUNIT_TEST_SUITE_REGISTRATION(FaultSoakTest);
