// What an import writes (PlanImportWriter) on the test database: a dry run writes result lines
// only; an import creates the plan and its Azure subscriptions under it, on the product's usage
// plan, and marks the scan's rows synced; the same batch again (a re-run, another host) creates
// nothing and says already held; a batch its fence refuses writes nothing at all.
#include "storage/PlanImportWriter.h"
#include "domain/PlanImportStep.h"
#include "plugin/azure-plan-migration/storage/ApmStorageDatabase.h"
#include "storage/PlanStore.h"
#include "storage/RunStore.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace apm;
using apm::storage::test::ApmStorageDatabase;

class PlanImportWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PlanImportWriterTest);
    CPPUNIT_TEST(aDryRunWritesOnlyItsResults);
    CPPUNIT_TEST(anImportCreatesEachRowOnceUnderItsPlan);
    CPPUNIT_TEST(aRefusedBatchWritesNothing);
    CPPUNIT_TEST(aTenantWithoutAnAccountIsSkippedWithWhatToDo);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<ApmStorageDatabase> _db;

    domain::PlanRow scannedRow() {
        domain::PartnerCenterPlan plan;
        plan.customerTenantId = ApmStorageDatabase::kTenant;
        plan.customerName = "Fabrikam";
        plan.planSubscriptionId = "plan-1";
        plan.offerId = ApmStorageDatabase::kOffer;
        plan.friendlyName = "Azure plan";
        plan.status = "active";
        plan.azureSubscriptions = {{"azure-1", "Production", "active", "plan-1"},
                                   {"azure-2", "", "disabled", "plan-1"}};
        domain::BssHoldings held;
        held.accountExists = true;
        held.accountId = _db->accountId;
        return domain::syncPlan(plan, held);
    }

    storage::ImportBatch batch(const std::string& runId, bool dryRun, const domain::PlanRow& row) {
        storage::ImportBatch b;
        b.runId = runId;
        b.scanRunId = "scan-1";
        b.createdByImport = "azure-plan-migration:" + runId;
        b.createdAt = ApmStorageDatabase::kAt;
        b.dryRun = dryRun;
        storage::ImportItem item;
        item.row = row;
        item.step = domain::planImportOf(row);
        item.product = {_db->productId, "Azure plan", "AZURE-PLAN", _db->billingPlanId};
        b.items.push_back(item);
        return b;
    }

    std::vector<std::string> outcomes(const std::vector<storage::ResultRecord>& results) {
        std::vector<std::string> out;
        for (const auto& r : results)
            out.push_back(r.outcome + ":" +
                          (r.azureSubscriptionId.empty() ? "plan" : r.azureSubscriptionId));
        return out;
    }

    long long subscriptions() { return _db->count("SELECT COUNT(*) FROM subscriptions"); }

public:
    void setUp() override {
        _db = std::make_unique<ApmStorageDatabase>();
        storage::PlanStore(_db->database()).writeScanRows("scan-1", {scannedRow()});
    }
    void tearDown() override { _db.reset(); }

    void aDryRunWritesOnlyItsResults() {
        std::int64_t seq = 1;
        const auto results = storage::PlanImportWriter(_db->database())
                                 .writeBatch(batch("dry", true, scannedRow()), seq, {});
        CPPUNIT_ASSERT((outcomes(results) == std::vector<std::string>{"would_create:plan",
                                                                      "would_create:azure-1",
                                                                      "would_create:azure-2"}));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), seq);
        CPPUNIT_ASSERT_EQUAL(0LL, subscriptions());
        CPPUNIT_ASSERT_EQUAL(3LL,
                             _db->count("SELECT COUNT(*) FROM apm_results WHERE run_id = 'dry'"));
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM apm_plans WHERE sync = 'new'"));
    }

    void anImportCreatesEachRowOnceUnderItsPlan() {
        storage::PlanImportWriter writer(_db->database());
        std::int64_t seq = 1;
        const auto created = writer.writeBatch(batch("run-a", false, scannedRow()), seq, {});
        CPPUNIT_ASSERT(
            (outcomes(created) ==
             std::vector<std::string>{"created:plan", "created:azure-1", "created:azure-2"}));
        CPPUNIT_ASSERT_EQUAL(3LL, subscriptions());
        const std::string plan = std::to_string(created[0].bssSubscriptionId);
        CPPUNIT_ASSERT_EQUAL(2LL, _db->count("SELECT COUNT(*) FROM subscriptions WHERE"
                                             " parent_subscription_id = " +
                                             plan));
        CPPUNIT_ASSERT_EQUAL(3LL,
                             _db->count("SELECT COUNT(*) FROM subscriptions WHERE"
                                        " billing_plan_id = " +
                                        std::to_string(_db->billingPlanId) +
                                        " AND account_id = " + std::to_string(_db->accountId)));
        // An unnamed Azure subscription is named by its id; statuses are Partner Center's.
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM subscriptions WHERE name ="
                                             " 'azure-2' AND status = 'disabled'"));
        // The scan's rows now say synced.
        CPPUNIT_ASSERT_EQUAL(0LL,
                             _db->count("SELECT COUNT(*) FROM apm_plans WHERE sync <> 'synced'"));
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM apm_azure_subscriptions WHERE"
                                             " sync <> 'synced'"));

        // The same batch by another run (a re-run from the old scan rows, or another host).
        std::int64_t other = 1;
        const auto again = writer.writeBatch(batch("run-b", false, scannedRow()), other, {});
        CPPUNIT_ASSERT((outcomes(again) == std::vector<std::string>{"already_held:plan",
                                                                    "already_held:azure-1",
                                                                    "already_held:azure-2"}));
        CPPUNIT_ASSERT_EQUAL(3LL, subscriptions());
        CPPUNIT_ASSERT_EQUAL(created[1].bssSubscriptionId, again[1].bssSubscriptionId);
    }

    void aRefusedBatchWritesNothing() {
        std::int64_t seq = 1;
        CPPUNIT_ASSERT_THROW(
            storage::PlanImportWriter(_db->database())
                .writeBatch(batch("run-a", false, scannedRow()), seq,
                            [](Poco::Data::Session&) { throw std::runtime_error("lease lost"); }),
            std::runtime_error);
        CPPUNIT_ASSERT_EQUAL(0LL, subscriptions());
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM apm_results"));
    }

    void aTenantWithoutAnAccountIsSkippedWithWhatToDo() {
        domain::PlanRow row = scannedRow();
        row = domain::resyncPlan(row, domain::BssHoldings{});
        std::int64_t seq = 1;
        const auto results = storage::PlanImportWriter(_db->database())
                                 .writeBatch(batch("run-a", false, row), seq, {});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), results.size());
        CPPUNIT_ASSERT_EQUAL(std::string("skipped"), results[0].outcome);
        CPPUNIT_ASSERT(results[0].detail.find("Import Customers Tool") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(0LL, subscriptions());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlanImportWriterTest);
