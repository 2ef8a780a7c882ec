// The Azure Plan Migration Tool end to end, as a CSP admin runs it: the real mock host with both
// tools loaded from the build's plugins folder (Boost.DLL), every action through the host's
// checks, the demo's Partner Center emulator over TLS, on the database of ICT_TEST_DB. The Import
// Customers Tool brings the accounts; the Azure Plan Migration Tool then brings their Azure plans
// and Azure subscriptions, exactly once.
#include "reliability/support/LiveHost.h"
#include "seed/DemoSeed.h"
#include "support/Sql.h" // mock host: sqlFor

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>

#include <cstdlib>
#include <memory>
#include <set>

using namespace ict::reliability::test;
using namespace Poco::Data::Keywords;

namespace {

const std::string kApm = "azure-plan-migration";
const std::string kAdmin = "admin@root";

struct PlanList {
    std::size_t plans = 0;
    std::size_t azure = 0;
    std::map<std::string, std::size_t> bySync; ///< Plans by sync status.
    std::size_t of(const std::string& sync) const {
        const auto found = bySync.find(sync);
        return found == bySync.end() ? 0 : found->second;
    }
    std::size_t newAzure = 0;
    std::string someCustomer; ///< A tenant and one of its plans, for the later steps.
    std::string somePlan;
};

} // namespace

class AzurePlanMigrationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AzurePlanMigrationTest);
    CPPUNIT_TEST(bothToolsLoadAndTheNewOneIsEnabledLikeAnyOther);
    CPPUNIT_TEST(plansOfTenantsWithoutAnAccountSayImportTheCustomerFirst);
    CPPUNIT_TEST(preflightNamesAnOfferNoProductSells);
    CPPUNIT_TEST(dryRunWritesNothingAndImportCreatesEachRowOnce);
    CPPUNIT_TEST(aNewAzureSubscriptionUnderAnImportedPlanIsAddedAlone);
    CPPUNIT_TEST(aScanThroughFaultsFindsWhatAQuietOneFound);
    CPPUNIT_TEST(badInputNamesTheField);
    CPPUNIT_TEST_SUITE_END();

    // A process loads tool libraries once: one live host serves the suite, in order.
    static std::unique_ptr<LiveHost>& live() {
        static std::unique_ptr<LiveHost> host;
        return host;
    }
    LiveHost* _live = nullptr;
    std::string _instance;

    JsonObject apm(const std::string& action, const std::string& body) {
        return parseJson(_live->invokeTool(kApm, kAdmin, action, body));
    }
    JsonObject runApm(const std::string& action, const std::string& body) {
        const JsonObject started = apm(action, body);
        const JsonObject job =
            _live->waitJob(kAdmin, text(started, "jobId"), std::chrono::seconds(150), kApm);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(job, "error"), std::string("succeeded"),
                                     text(job, "state"));
        return job->getObject("result");
    }
    JsonObject scan() { return runApm("scan", "{\"instanceId\":" + _instance + "}"); }

    /// Every plan of the last scan, page by page (a small page so paging is used).
    PlanList plans() {
        PlanList list;
        std::string after = "null";
        std::set<std::string> seen;
        for (int pages = 0; pages < 1000; ++pages) {
            const JsonObject page = apm("plans", "{\"instanceId\":" + _instance +
                                                     ",\"limit\":3,\"after\":" + after + "}");
            const auto items = page->getArray("plans");
            for (std::size_t i = 0; i < items->size(); ++i) {
                const JsonObject plan = items->getObject(static_cast<unsigned>(i));
                const std::string id = text(plan, "planSubscriptionId");
                CPPUNIT_ASSERT_MESSAGE("plan listed twice: " + id, seen.insert(id).second);
                ++list.plans;
                ++list.bySync[text(plan, "sync")];
                list.azure += plan->getArray("azureSubscriptions")->size();
                list.newAzure += plan->getValue<std::size_t>("newAzureSubscriptions");
                if (list.someCustomer.empty() && text(plan, "sync") != "import_customer_first") {
                    list.someCustomer = text(plan, "customerTenantId");
                    list.somePlan = id;
                }
            }
            if (page->isNull("next"))
                return list;
            std::ostringstream next;
            page->getObject("next")->stringify(next);
            after = next.str();
        }
        CPPUNIT_FAIL("paging did not end");
        return list;
    }

    /// Subscriptions rows the Azure Plan Migration Tool created: (plans, Azure subscriptions).
    std::pair<std::int64_t, std::int64_t> createdRows() {
        Poco::Data::Session session = _live->host().database().session();
        Poco::Int64 plans = 0, azure = 0;
        session << "SELECT COUNT(*) FROM subscriptions WHERE created_by_import LIKE"
                   " 'azure-plan-migration:%' AND parent_subscription_id IS NULL",
            into(plans), now;
        session << "SELECT COUNT(*) FROM subscriptions WHERE created_by_import LIKE"
                   " 'azure-plan-migration:%' AND parent_subscription_id IS NOT NULL",
            into(azure), now;
        return {plans, azure};
    }

    static std::size_t countOf(const std::string& text, const std::string& part) {
        std::size_t n = 0;
        for (std::size_t at = text.find(part); at != std::string::npos;
             at = text.find(part, at + part.size()))
            ++n;
        return n;
    }

    std::map<std::string, std::int64_t> outcomes(const JsonObject& summary) {
        std::map<std::string, std::int64_t> out;
        const JsonObject counts = summary->getObject("outcomes");
        for (const auto& name : {"created", "would_create", "already_held", "skipped", "failed"})
            out[name] = counts->getValue<std::int64_t>(name);
        return out;
    }

public:
    void setUp() override {
        if (!live()) {
            // The client's production pace (and backoff) would make the suite wait, not test.
            ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "600000", 1);
            ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
            // Enough attempts that the fault scan below never runs out of them by chance (a call
            // fails an attempt about a third of the time there; 15 in a row: about 2e-7).
            ::setenv("ICT_PC_MAX_ATTEMPTS", "15", 1);
            LiveHostOptions options;
            options.tenants = 40;
            options.http = false;
            live() = std::make_unique<LiveHost>(options);
        }
        _live = live().get();
        _instance = std::to_string(_live->instanceId(mockhost::kDemoDirectInstance));
    }

    void bothToolsLoadAndTheNewOneIsEnabledLikeAnyOther() {
        mockhost::RunningTool* tool = _live->host().tool(kApm);
        CPPUNIT_ASSERT(tool);
        CPPUNIT_ASSERT_EQUAL(std::string("Azure Plan Migration Tool"),
                             tool->loaded.descriptor.displayName);
        CPPUNIT_ASSERT_EQUAL(std::string("libazure_plan_migration_tool.so"), tool->loaded.file);
        CPPUNIT_ASSERT(_live->host().tool(kToolId));
        // The host checks the new tool's enablement as any other's: the simple tenant has not
        // got it.
        try {
            _live->invokeTool(kApm, "admin@simple", "list-instances", "{}");
            CPPUNIT_FAIL("a tool not enabled for the organization answered");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Forbidden ||
                           e.code() == bss::sdk::ErrorCode::NotFound);
        }
        const auto instances = apm("list-instances", "{}")->getArray("instances");
        CPPUNIT_ASSERT(instances->size() >= 2);
    }

    void plansOfTenantsWithoutAnAccountSayImportTheCustomerFirst() {
        const JsonObject summary = scan();
        const PlanList list = plans();
        CPPUNIT_ASSERT_MESSAGE("the demo data set has Azure plans", list.plans > 0);
        CPPUNIT_ASSERT_EQUAL(list.plans, summary->getValue<std::size_t>("plans"));
        CPPUNIT_ASSERT_EQUAL(list.azure, summary->getValue<std::size_t>("azureSubscriptions"));
        // No customer is in the BSS yet: every plan waits for its customer, nothing is new.
        CPPUNIT_ASSERT_EQUAL(list.plans, list.of("import_customer_first"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), list.newAzure);
        const JsonObject page = apm("plans", "{\"instanceId\":" + _instance + "}");
        // The rows point at the Import Customers Tool, which the host says is enabled.
        CPPUNIT_ASSERT(page->getObject("importCustomersTool")->getValue<bool>("enabled"));
        // An import now creates nothing: each plan is skipped with what to do.
        const JsonObject dry =
            runApm("import", "{\"instanceId\":" + _instance + ",\"dryRun\":true}");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(list.plans), outcomes(dry)["skipped"]);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), outcomes(dry)["would_create"]);

        // The Import Customers Tool brings every customer (it lists Azure plans, never imports
        // them).
        const JsonObject hierarchy = _live->waitJob(
            kAdmin, text(_live->call(kAdmin, "get-hierarchy",
                                     "{\"instanceId\":" + _instance + ",\"mode\":\"mass\"}"),
                         "jobId"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), text(hierarchy, "state"));
        const JsonObject started =
            _live->call(kAdmin, "import", "{\"instanceId\":" + _instance + ",\"all\":true}");
        const JsonObject imported = _live->waitJob(kAdmin, text(started, "jobId"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(imported, "error"), std::string("succeeded"),
                                     text(imported, "state"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), createdRows().first);
        // Its results mark each skipped Azure plan, and say the Azure Plan Migration Tool is
        // enabled for the organization (the page links to it).
        const JsonObject results =
            _live->call(kAdmin, "import-results",
                        "{\"runId\":\"" + text(started, "runId") + "\",\"limit\":1000}");
        CPPUNIT_ASSERT(results->getObject("azurePlanTool")->getValue<bool>("enabled"));
        std::size_t azurePlanLines = 0;
        const auto tenants = results->getArray("direct");
        for (std::size_t i = 0; tenants && i < tenants->size(); ++i) {
            const auto lines =
                tenants->getObject(static_cast<unsigned>(i))->getArray("subscriptions");
            for (std::size_t k = 0; k < lines->size(); ++k)
                if (lines->getObject(static_cast<unsigned>(k))->getValue<bool>("azurePlan"))
                    ++azurePlanLines;
        }
        CPPUNIT_ASSERT_EQUAL(list.plans, azurePlanLines);
        // Where the organization has not got the Azure Plan Migration Tool, the answer says so.
        const std::int64_t root = _live->host().organizations().require("Contoso Cloud (root)").id;
        _live->host().enablement().set(root, kApm, false, "2026-12-04T12:00:00Z");
        const JsonObject without = _live->call(
            kAdmin, "import-results", "{\"runId\":\"" + text(started, "runId") + "\",\"limit\":1}");
        _live->host().enablement().set(root, kApm, true, "2026-12-04T12:00:01Z");
        CPPUNIT_ASSERT(!without->getObject("azurePlanTool")->getValue<bool>("enabled"));
    }

    void preflightNamesAnOfferNoProductSells() {
        scan();
        const PlanList list = plans();
        CPPUNIT_ASSERT(list.of("new") > 0);
        CPPUNIT_ASSERT(
            apm("import-preflight", "{\"instanceId\":" + _instance + "}")->getValue<bool>("ready"));
        Poco::Data::Session session = _live->host().database().session();
        session << "UPDATE product_offers SET microsoft_offer_id = 'PARKED' WHERE"
                   " microsoft_offer_id = 'DZH318Z0BPS6:0001'",
            now;
        const JsonObject preflight = apm("import-preflight", "{\"instanceId\":" + _instance + "}");
        session << "UPDATE product_offers SET microsoft_offer_id = 'DZH318Z0BPS6:0001' WHERE"
                   " microsoft_offer_id = 'PARKED'",
            now;
        CPPUNIT_ASSERT(!preflight->getValue<bool>("ready"));
        const std::string problem = preflight->getArray("problems")->getElement<std::string>(0);
        CPPUNIT_ASSERT_MESSAGE(problem, problem.find("DZH318Z0BPS6:0001") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(problem, problem.find("usage_in_arrears") != std::string::npos);
    }

    void dryRunWritesNothingAndImportCreatesEachRowOnce() {
        const PlanList before = plans();
        const auto newPlans = static_cast<std::int64_t>(before.of("new"));
        const auto newAzure = static_cast<std::int64_t>(before.newAzure);
        CPPUNIT_ASSERT(newAzure >= newPlans);
        const JsonObject dry =
            runApm("import", "{\"instanceId\":" + _instance + ",\"dryRun\":true}");
        CPPUNIT_ASSERT_EQUAL(newPlans + newAzure, outcomes(dry)["would_create"]);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), createdRows().first);

        const JsonObject imported = runApm("import", "{\"instanceId\":" + _instance + "}");
        CPPUNIT_ASSERT_EQUAL(newPlans + newAzure, outcomes(imported)["created"]);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), outcomes(imported)["failed"]);
        CPPUNIT_ASSERT(createdRows() == std::make_pair(newPlans, newAzure));
        // Every Azure subscription hangs under its plan's row, of the same account, billed by
        // the product's usage plan.
        Poco::Data::Session session = _live->host().database().session();
        Poco::Int64 orphans = 1, wrongModel = 1;
        session << "SELECT COUNT(*) FROM subscriptions c LEFT JOIN subscriptions p ON p.id ="
                   " c.parent_subscription_id AND p.account_id = c.account_id WHERE"
                   " c.created_by_import LIKE 'azure-plan-migration:%' AND"
                   " c.parent_subscription_id IS NOT NULL AND p.id IS NULL",
            into(orphans), now;
        session << "SELECT COUNT(*) FROM subscriptions s LEFT JOIN product_billing_plans b ON"
                   " b.id = s.billing_plan_id WHERE s.created_by_import LIKE"
                   " 'azure-plan-migration:%' AND (b.charge_model IS NULL OR b.charge_model <>"
                   " 'usage_in_arrears')",
            into(wrongModel), now;
        CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), orphans);
        CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), wrongModel);
        // Results per run, as the import wrote them.
        const JsonObject results =
            apm("import-results", "{\"runId\":\"" + text(imported, "runId") + "\",\"limit\":1000}");
        CPPUNIT_ASSERT_EQUAL(
            static_cast<std::size_t>(newPlans + newAzure + before.of("import_customer_first")),
            results->getArray("results")->size());

        // The same results as CSV, one line per result after the header, streamed.
        const std::string csv = _live->streamTool(
            kApm, kAdmin, "import-results-csv", "{\"runId\":\"" + text(imported, "runId") + "\"}");
        std::size_t csvLines = 0;
        for (std::size_t at = csv.find("\r\n"); at != std::string::npos;
             at = csv.find("\r\n", at + 2))
            ++csvLines;
        CPPUNIT_ASSERT_EQUAL(results->getArray("results")->size() + 1, csvLines);
        CPPUNIT_ASSERT(csv.rfind("run_id,kind,customer_tenant_id,", 0) == 0);
        CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(newPlans + newAzure),
                             static_cast<std::size_t>(countOf(csv, ",created,")));
        // The import marked the scan's rows it brought in step: the list says so at once.
        const PlanList listed = plans();
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), listed.of("new"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), listed.newAzure);
        // The same import again creates nothing.
        const JsonObject again = runApm("import", "{\"instanceId\":" + _instance + "}");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), outcomes(again)["created"]);
        CPPUNIT_ASSERT(createdRows() == std::make_pair(newPlans, newAzure));
        // A new scan shows every imported plan and Azure subscription as synced.
        scan();
        const PlanList after = plans();
        CPPUNIT_ASSERT_EQUAL(std::size_t(newPlans), after.of("synced"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), after.of("new"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), after.newAzure);
        // The record: runs ordered newest first, and an audit entry per run.
        const auto runs = apm("runs", "{\"instanceId\":" + _instance + "}")->getArray("runs");
        CPPUNIT_ASSERT_EQUAL(std::string("scan"), text(runs->getObject(0), "kind"));
        CPPUNIT_ASSERT_EQUAL(std::string("import"), text(runs->getObject(1), "kind"));
        const auto audit = apm("audit-trail", "{}")->getArray("entries");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), text(audit->getObject(0), "outcome"));
        CPPUNIT_ASSERT_EQUAL(kAdmin, text(audit->getObject(0), "user"));
    }

    void aNewAzureSubscriptionUnderAnImportedPlanIsAddedAlone() {
        const PlanList before = plans();
        CPPUNIT_ASSERT(!before.somePlan.empty());
        const auto created = createdRows();
        const auto added =
            _live->direct().state().addAzureEntitlement(before.someCustomer, before.somePlan);
        scan();
        const PlanList after = plans();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), after.newAzure);
        CPPUNIT_ASSERT_EQUAL(before.azure + 1, after.azure);
        const JsonObject imported = runApm("import", "{\"instanceId\":" + _instance + "}");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), outcomes(imported)["created"]);
        CPPUNIT_ASSERT(createdRows() == std::make_pair(created.first, created.second + 1));
        Poco::Data::Session session = _live->host().database().session();
        Poco::Int64 rows = 0;
        std::string id = added.id;
        session << mockhost::sqlFor(_live->host().database().dialect(),
                                    "SELECT COUNT(*) FROM subscriptions WHERE"
                                    " external_ms_subscription_id = ?"),
            use(id), into(rows), now;
        CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), rows);
    }

    void aScanThroughFaultsFindsWhatAQuietOneFound() {
        const PlanList quiet = plans();
        // Partner Center answering 5xx to one call in five and 429 (Retry-After 1 s) to every
        // fifth customer call, Azure entitlements included: retried, nothing lost.
        auto& state = _live->direct().state();
        const auto before = state.faults();
        auto faults = before;
        faults.serverErrorRate = 0.2;
        faults.throttleEveryNth = 5;
        faults.throttleEveryNthRetryAfterSeconds = 1;
        state.setFaults(faults);
        const std::int64_t faultsBefore = state.counters().count("faults");
        const JsonObject summary = scan();
        state.setFaults(before);
        CPPUNIT_ASSERT(state.counters().count("faults") > faultsBefore);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), summary->getValue<std::size_t>("failedCustomers"));
        const PlanList faulty = plans();
        CPPUNIT_ASSERT_EQUAL(quiet.plans, faulty.plans);
        CPPUNIT_ASSERT_EQUAL(quiet.azure, faulty.azure);
        CPPUNIT_ASSERT(quiet.bySync == faulty.bySync);
    }

    void badInputNamesTheField() {
        for (const auto& [action, body, field] :
             std::vector<std::tuple<std::string, std::string, std::string>>{
                 {"plans", "{\"instanceId\":" + _instance + ",\"sync\":\"maybe\"}", "sync"},
                 {"plans", "{\"instanceId\":" + _instance + ",\"limit\":5000}", "limit"},
                 {"scan", "{}", "instanceId"},
                 {"scan", "{\"instanceId\":987654}", "instanceId"},
                 {"import-results", "{}", "runId"},
                 {"runs", "{\"instanceId\":" + _instance + ",\"kind\":\"x\"}", "kind"}}) {
            try {
                apm(action, body);
                CPPUNIT_FAIL(action + " " + body + " was accepted");
            } catch (const bss::sdk::ToolError& e) {
                CPPUNIT_ASSERT_EQUAL_MESSAGE(action + " " + body + ": " + e.what(), field,
                                             e.field());
            }
        }
        live().reset();
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AzurePlanMigrationTest);
