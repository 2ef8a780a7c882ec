#include "domain/importing/ImportSummary.h"

#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace importfixtures;

namespace {

std::string describe(const ImportSummary& s) {
    return std::to_string(s.tenants) + " tenants, " + std::to_string(s.accountsToCreate) +
           " new accounts, " + std::to_string(s.existingAccounts) + " existing, " +
           std::to_string(s.resellersToCreate) + " new resellers, " +
           std::to_string(s.subscriptionsToCreate) + "/" + std::to_string(s.subscriptionsToSkip) +
           "/" + std::to_string(s.subscriptionsToFail) + " subscriptions create/skip/fail";
}

/// What a run counts across several batches: mixedPlan() twice (the second with other tenant
/// ids), then a tenant without an id, an end customer of the existing reseller and two of a new
/// reseller whose MPN id is written in two cases.
ImportPlan severalBatches() {
    ImportPlan plan = mixedPlan();
    ImportPlan again = mixedPlan();
    for (TenantPlan& tenant : again.tenants)
        tenant.tenantId += "-2";
    TenantSelection nameless = tenant("", "nameless");
    TenantSelection resold = tenant("t-resold", "resold", "1234567", "Fabrikam Reseller");
    TenantSelection lower = tenant("t-lower", "lower", "abc123", "Tailspin Two");
    TenantSelection upper = tenant("t-upper", "upper", "ABC123", "Tailspin Two");
    for (TenantSelection* selection : {&nameless, &resold, &lower, &upper})
        selection->subscriptions = {subscription(selection->customer.companyName + "-1", nceE3,
                                                 "monthly", "P1M", "2025-03-10")};
    const ImportPlan extra = planImport(request({nameless, resold, lower, upper}));
    plan.tenants.insert(plan.tenants.end(), again.tenants.begin(), again.tenants.end());
    plan.tenants.insert(plan.tenants.end(), extra.tenants.begin(), extra.tenants.end());
    return plan;
}

} // namespace

class ImportSummaryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportSummaryTest);
    CPPUNIT_TEST(countsEveryAction);
    CPPUNIT_TEST(emptyPlan);
    CPPUNIT_TEST(counterFedOneTenantAtATimeEqualsSummarizePlan);
    CPPUNIT_TEST(counterCountsNewResellersOnceWhateverTheirCase);
    CPPUNIT_TEST_SUITE_END();

public:
    void countsEveryAction() {
        const ImportSummary summary = summarizePlan(mixedPlan());
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), summary.tenants);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), summary.accountsToCreate);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.existingAccounts);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.resellersToCreate);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), summary.subscriptionsToCreate);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), summary.subscriptionsToSkip);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), summary.subscriptionsToFail);
    }
    void emptyPlan() {
        const ImportSummary summary = summarizePlan(ImportPlan{});
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), summary.tenants);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), summary.subscriptionsToCreate);
    }
    void counterFedOneTenantAtATimeEqualsSummarizePlan() {
        for (const ImportPlan& plan : {mixedPlan(), severalBatches(), ImportPlan{}}) {
            PlanSummaryCounter counter;
            for (const TenantPlan& tenant : plan.tenants) {
                counter.add(tenant);
                counter.summary(); // reading the counts midway changes nothing
            }
            CPPUNIT_ASSERT_EQUAL(describe(summarizePlan(plan)), describe(counter.summary()));
        }
        // Not merely equal to itself: what each tenant plans is counted (the tenant without an id
        // creates no account and its subscription fails).
        CPPUNIT_ASSERT_EQUAL(std::string("12 tenants, 9 new accounts, 2 existing, 2 new resellers, "
                                         "7/4/5 subscriptions create/skip/fail"),
                             describe(summarizePlan(severalBatches())));
    }
    void counterCountsNewResellersOnceWhateverTheirCase() {
        const ImportPlan plan = severalBatches();
        PlanSummaryCounter counter;
        std::set<std::string> created; // as planned, case kept
        for (const TenantPlan& tenant : plan.tenants) {
            counter.add(tenant);
            if (tenant.reseller.kind == ResellerActionKind::CreateReseller)
                created.insert(tenant.reseller.mpnId);
        }
        CPPUNIT_ASSERT(created == std::set<std::string>({"7654321", "ABC123", "abc123"}));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), counter.summary().resellersToCreate);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportSummaryTest);
