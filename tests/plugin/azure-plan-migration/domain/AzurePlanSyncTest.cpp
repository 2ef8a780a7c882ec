#include "domain/AzurePlanSync.h"
#include "domain/PlanImportStep.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace apm::domain;

namespace {

const std::string kTenant = "5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const std::string kPlan = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

PartnerCenterPlan planWith(std::initializer_list<std::pair<const char*, const char*>> azure) {
    PartnerCenterPlan plan;
    plan.customerTenantId = kTenant;
    plan.planSubscriptionId = kPlan;
    plan.offerId = "DZH318Z0BPS6:0001:DZH318Z0BSTW";
    plan.status = "active";
    for (const auto& [id, status] : azure)
        plan.azureSubscriptions.push_back({id, "Production", status, kPlan});
    return plan;
}

BssHoldings holding(std::set<std::string> ids) {
    BssHoldings holdings;
    holdings.accountExists = true;
    holdings.externalSubscriptionIds = std::move(ids);
    return holdings;
}

} // namespace

// The Azure Plan Migration Tool's rows: a plan and its Azure subscriptions against the BSS.
class AzurePlanSyncTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AzurePlanSyncTest);
    CPPUNIT_TEST(aTenantWithoutAccountIsImportCustomerFirst);
    CPPUNIT_TEST(aPlanNotHeldIsNewWithEveryAzureSubscription);
    CPPUNIT_TEST(aHeldPlanIsSyncedAndAnAddedAzureSubscriptionIsNew);
    CPPUNIT_TEST(idsCompareWithoutCase);
    CPPUNIT_TEST(anImportCreatesOnlyWhatIsMissing);
    CPPUNIT_TEST(statusNamesAreStable);
    CPPUNIT_TEST_SUITE_END();

public:
    void aTenantWithoutAccountIsImportCustomerFirst() {
        const PlanRow row = syncPlan(planWith({{"a1", "active"}, {"a2", "disabled"}}), {});
        CPPUNIT_ASSERT(row.sync == SyncStatus::ImportCustomerFirst);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), row.azureSubscriptions.size());
        CPPUNIT_ASSERT(row.azureSubscriptions[1].sync == SyncStatus::ImportCustomerFirst);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), row.newAzureSubscriptions());
        CPPUNIT_ASSERT(!row.inStep());
        const PlanImportStep step = planImportOf(row);
        CPPUNIT_ASSERT(step.createsNothing());
        CPPUNIT_ASSERT(step.skipReason.find(kTenant) != std::string::npos);
        CPPUNIT_ASSERT(step.skipReason.find("Import Customers Tool") != std::string::npos);
    }

    void aPlanNotHeldIsNewWithEveryAzureSubscription() {
        const PlanRow row =
            syncPlan(planWith({{"a1", "active"}, {"a2", "disabled"}}), holding({"other"}));
        CPPUNIT_ASSERT(row.sync == SyncStatus::New);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), row.newAzureSubscriptions());
        CPPUNIT_ASSERT_EQUAL(std::string("disabled"),
                             row.azureSubscriptions[1].azureSubscription.status);
        CPPUNIT_ASSERT_EQUAL(kPlan, row.plan.planSubscriptionId);
        CPPUNIT_ASSERT(row.plan.azureSubscriptions.empty());
    }

    void aHeldPlanIsSyncedAndAnAddedAzureSubscriptionIsNew() {
        const PlanRow synced =
            syncPlan(planWith({{"a1", "active"}, {"a2", "active"}}), holding({kPlan, "a1", "a2"}));
        CPPUNIT_ASSERT(synced.sync == SyncStatus::Synced);
        CPPUNIT_ASSERT(synced.inStep());
        CPPUNIT_ASSERT(planImportOf(synced).createsNothing());

        const PlanRow added =
            syncPlan(planWith({{"a1", "active"}, {"a2", "active"}, {"a3", "active"}}),
                     holding({kPlan, "a1", "a2"}));
        CPPUNIT_ASSERT(added.sync == SyncStatus::Synced);
        CPPUNIT_ASSERT(!added.inStep());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), added.newAzureSubscriptions());
        CPPUNIT_ASSERT(added.azureSubscriptions[2].sync == SyncStatus::New);
        CPPUNIT_ASSERT(added.azureSubscriptions[0].sync == SyncStatus::Synced);
    }

    void idsCompareWithoutCase() {
        const PlanRow row = syncPlan(planWith({{"ab12", "active"}}),
                                     holding({"A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D", "AB12"}));
        CPPUNIT_ASSERT(row.sync == SyncStatus::Synced);
        CPPUNIT_ASSERT(row.inStep());
    }

    void anImportCreatesOnlyWhatIsMissing() {
        const PlanImportStep fresh =
            planImportOf(syncPlan(planWith({{"a1", "active"}, {"a2", "disabled"}}), holding({})));
        CPPUNIT_ASSERT(fresh.createPlan);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), fresh.createAzureSubscriptions.size());
        CPPUNIT_ASSERT(fresh.skipReason.empty());

        const PlanImportStep added = planImportOf(
            syncPlan(planWith({{"a1", "active"}, {"a3", "active"}}), holding({kPlan, "a1"})));
        CPPUNIT_ASSERT(!added.createPlan);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), added.createAzureSubscriptions.size());
        CPPUNIT_ASSERT_EQUAL(std::string("a3"), added.createAzureSubscriptions[0].id);

        // An Azure subscription the account already holds (made by hand) is never created twice,
        // even under a plan that is not held yet.
        const PlanImportStep handMade =
            planImportOf(syncPlan(planWith({{"a1", "active"}, {"a2", "active"}}), holding({"a2"})));
        CPPUNIT_ASSERT(handMade.createPlan);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), handMade.createAzureSubscriptions.size());
        CPPUNIT_ASSERT_EQUAL(std::string("a1"), handMade.createAzureSubscriptions[0].id);
    }

    void statusNamesAreStable() {
        CPPUNIT_ASSERT_EQUAL(std::string("import_customer_first"),
                             std::string(syncStatusName(SyncStatus::ImportCustomerFirst)));
        CPPUNIT_ASSERT_EQUAL(std::string("new"), std::string(syncStatusName(SyncStatus::New)));
        CPPUNIT_ASSERT_EQUAL(std::string("synced"),
                             std::string(syncStatusName(SyncStatus::Synced)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AzurePlanSyncTest);
