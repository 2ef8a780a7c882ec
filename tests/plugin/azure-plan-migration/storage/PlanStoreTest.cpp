// The scanned list (PlanStore) on the test database: a scan's rows stay out of the list until
// promoted, a promote swaps them in and drops the instance's earlier scans, a discarded scan
// leaves nothing, pages follow the (tenant, plan) key with their Azure subscriptions, filters
// narrow them, and the counts add up.
#include "storage/PlanStore.h"
#include "plugin/azure-plan-migration/storage/ApmStorageDatabase.h"
#include "storage/RunStore.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace apm;
using apm::storage::test::ApmStorageDatabase;

namespace {

domain::PlanRow row(const std::string& tenant, const std::string& plan, domain::SyncStatus sync,
                    int azure, int newAzure) {
    domain::PlanRow r;
    r.plan.customerTenantId = tenant;
    r.plan.customerName = "Customer " + tenant.substr(0, 4);
    r.plan.planSubscriptionId = plan;
    r.plan.offerId = ApmStorageDatabase::kOffer;
    r.plan.friendlyName = "Azure plan";
    r.plan.status = "active";
    r.sync = sync;
    r.accountId = sync == domain::SyncStatus::ImportCustomerFirst ? 0 : 7;
    for (int i = 0; i < azure; ++i) {
        domain::AzureSubscriptionRow child;
        child.azureSubscription.id = plan + "-az" + std::to_string(i);
        child.azureSubscription.friendlyName = "Sub " + std::to_string(i);
        child.azureSubscription.status = i == 0 ? "disabled" : "active";
        child.sync = i < newAzure ? domain::SyncStatus::New : domain::SyncStatus::Synced;
        r.azureSubscriptions.push_back(child);
    }
    return r;
}

} // namespace

class PlanStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PlanStoreTest);
    CPPUNIT_TEST(aScanIsTheListOnlyOncePromoted);
    CPPUNIT_TEST(aDiscardedScanLeavesNothing);
    CPPUNIT_TEST(pagesFollowTheKeyWithTheirAzureSubscriptions);
    CPPUNIT_TEST(filtersAndCounts);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<ApmStorageDatabase> _db;
    std::unique_ptr<storage::PlanStore> _plans;
    std::unique_ptr<storage::RunStore> _runs;

    void beginScan(const std::string& runId) {
        storage::RunRecord run;
        run.runId = runId;
        run.organizationId = _db->organizationId;
        run.instanceId = 3;
        run.kind = "scan";
        run.userLogin = "admin@root";
        run.startedAt = ApmStorageDatabase::kAt;
        _runs->begin(run);
    }

public:
    void setUp() override {
        _db = std::make_unique<ApmStorageDatabase>();
        _plans = std::make_unique<storage::PlanStore>(_db->database());
        _runs = std::make_unique<storage::RunStore>(_db->database());
    }
    void tearDown() override {
        _plans.reset();
        _runs.reset();
        _db.reset();
    }

    void aScanIsTheListOnlyOncePromoted() {
        CPPUNIT_ASSERT(!_plans->state(_db->organizationId, 3));
        beginScan("scan-1");
        _plans->writeScanRows("scan-1", {row("t1", "p1", domain::SyncStatus::New, 2, 2)});
        CPPUNIT_ASSERT(!_plans->state(_db->organizationId, 3));
        _plans->promote(_db->organizationId, 3, "scan-1", "2026-01-02T00:00:00Z", {});
        CPPUNIT_ASSERT_EQUAL(std::string("scan-1"), _plans->state(_db->organizationId, 3)->runId);
        // A second scan's rows arrive beside the first's; its promote drops the first's.
        beginScan("scan-2");
        _plans->writeScanRows("scan-2", {row("t1", "p1", domain::SyncStatus::Synced, 2, 0)});
        CPPUNIT_ASSERT_EQUAL(2LL, _db->count("SELECT COUNT(*) FROM apm_plans"));
        _plans->promote(_db->organizationId, 3, "scan-2", "2026-01-03T00:00:00Z", {});
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM apm_plans"));
        CPPUNIT_ASSERT_EQUAL(2LL, _db->count("SELECT COUNT(*) FROM apm_azure_subscriptions"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-01-03T00:00:00Z"),
                             _plans->state(_db->organizationId, 3)->scannedAt);
        // A fence that refuses leaves the list as it was.
        beginScan("scan-3");
        _plans->writeScanRows("scan-3", {row("t2", "p2", domain::SyncStatus::New, 1, 1)});
        CPPUNIT_ASSERT_THROW(
            _plans->promote(_db->organizationId, 3, "scan-3", "2026-01-04T00:00:00Z",
                            [](Poco::Data::Session&) { throw std::runtime_error("lease lost"); }),
            std::runtime_error);
        CPPUNIT_ASSERT_EQUAL(std::string("scan-2"), _plans->state(_db->organizationId, 3)->runId);
    }

    void aDiscardedScanLeavesNothing() {
        beginScan("scan-1");
        _plans->writeScanRows("scan-1", {row("t1", "p1", domain::SyncStatus::New, 3, 3)});
        _plans->discard("scan-1");
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM apm_plans"));
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM apm_azure_subscriptions"));
    }

    void pagesFollowTheKeyWithTheirAzureSubscriptions() {
        beginScan("scan-1");
        // Written out of order, over two pages of customers.
        _plans->writeScanRows("scan-1", {row("t3", "p9", domain::SyncStatus::New, 1, 1),
                                         row("t1", "p2", domain::SyncStatus::Synced, 2, 0)});
        _plans->writeScanRows("scan-1", {row("t1", "p1", domain::SyncStatus::New, 3, 3),
                                         row("t2", "p5", domain::SyncStatus::New, 0, 0)});
        std::vector<std::string> order;
        storage::PlanKey after;
        for (;;) {
            const auto page = _plans->plansAfter("scan-1", after, {}, 3);
            if (page.empty())
                break;
            for (const auto& plan : page)
                order.push_back(plan.plan.customerTenantId + "/" + plan.plan.planSubscriptionId);
            after = {page.back().plan.customerTenantId, page.back().plan.planSubscriptionId};
        }
        CPPUNIT_ASSERT((order == std::vector<std::string>{"t1/p1", "t1/p2", "t2/p5", "t3/p9"}));
        const auto first = _plans->plansAfter("scan-1", {}, {}, 1).front();
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), first.azureSubscriptions.size());
        CPPUNIT_ASSERT_EQUAL(std::string("p1-az0"),
                             first.azureSubscriptions[0].azureSubscription.id);
        CPPUNIT_ASSERT_EQUAL(std::string("disabled"),
                             first.azureSubscriptions[0].azureSubscription.status);
        CPPUNIT_ASSERT(first.azureSubscriptions[0].sync == domain::SyncStatus::New);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), first.accountId);
    }

    void filtersAndCounts() {
        beginScan("scan-1");
        _plans->writeScanRows("scan-1",
                              {row("t1", "p1", domain::SyncStatus::New, 2, 2),
                               row("t2", "p2", domain::SyncStatus::Synced, 3, 1),
                               row("t3", "p3", domain::SyncStatus::Synced, 1, 0),
                               row("t4", "p4", domain::SyncStatus::ImportCustomerFirst, 2, 0)});
        storage::PlanFilter synced;
        synced.sync = domain::SyncStatus::Synced;
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), _plans->plansAfter("scan-1", {}, synced, 10).size());
        storage::PlanFilter notInStep;
        notInStep.notInStep = true;
        std::vector<std::string> tenants;
        for (const auto& plan : _plans->plansAfter("scan-1", {}, notInStep, 10))
            tenants.push_back(plan.plan.customerTenantId);
        CPPUNIT_ASSERT((tenants == std::vector<std::string>{"t1", "t2", "t4"}));
        storage::PlanFilter oneTenant;
        oneTenant.customerTenantId = "t3";
        CPPUNIT_ASSERT_EQUAL(std::size_t(1),
                             _plans->plansAfter("scan-1", {}, oneTenant, 10).size());
        const storage::PlanCounts counts = _plans->counts("scan-1");
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), counts.plans);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), counts.newPlans);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), counts.synced);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), counts.importCustomerFirst);
        CPPUNIT_ASSERT_EQUAL(std::size_t(8), counts.azureSubscriptions);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), counts.newAzureSubscriptions);
        CPPUNIT_ASSERT((_plans->offersNotInStep("scan-1") ==
                        std::vector<std::string>{ApmStorageDatabase::kOffer}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlanStoreTest);
