// The outcome of one tenant plan, as a batch-at-a-time run records it: planned (a dry run) or not
// written (its billing profile could not be read, ...).
#include "domain/importing/PlannedOutcome.h"

#include "domain/common/CsvWriter.h"
#include "domain/importing/ImportOutcomeCsv.h"
#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace importfixtures;

namespace {

const std::string kReason = "The billing profile of this tenant could not be read.";

} // namespace

class PlannedOutcomeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PlannedOutcomeTest);
    CPPUNIT_TEST(plannedTenantOutcomeIsWhatPlannedOutcomeGivesEachTenant);
    CPPUNIT_TEST(unwrittenTenantFailsItsAccountAndEverySubscriptionToCreate);
    CPPUNIT_TEST(unwrittenTenantKeepsItsSkipsWithTheirOwnReasons);
    CPPUNIT_TEST(unwrittenTenantOfAResellerNamesItsSeller);
    CPPUNIT_TEST_SUITE_END();

public:
    void plannedTenantOutcomeIsWhatPlannedOutcomeGivesEachTenant() {
        const ImportPlan plan = mixedPlan();
        const ImportRunOutcome run = plannedOutcome(plan, "run-7");
        CPPUNIT_ASSERT_EQUAL(plan.tenants.size(), run.tenants.size());
        for (std::size_t i = 0; i < plan.tenants.size(); ++i)
            CPPUNIT_ASSERT_EQUAL(
                writeCsv(importOutcomeRows("run-7", true, run.tenants[i])),
                writeCsv(importOutcomeRows("run-7", true, plannedTenantOutcome(plan.tenants[i]))));
    }

    void unwrittenTenantFailsItsAccountAndEverySubscriptionToCreate() {
        const ImportPlan plan = mixedPlan();
        const TenantPlan& direct = plan.tenants[0]; // d1 to create, d2 failing
        CPPUNIT_ASSERT(direct.subscriptions[0].kind == SubscriptionActionKind::Create);
        const TenantOutcome outcome = unwrittenTenantOutcome(direct, kReason);
        CPPUNIT_ASSERT_EQUAL(std::string("t-direct"), outcome.tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), outcome.companyName);
        CPPUNIT_ASSERT(outcome.resellerMpnId.empty() && outcome.resellerName.empty());
        CPPUNIT_ASSERT(outcome.account == AccountOutcomeKind::Failed);
        CPPUNIT_ASSERT_EQUAL(kReason, outcome.accountReason);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), outcome.bssAccountId);
        CPPUNIT_ASSERT(!outcome.contactCreated);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.subscriptions.size());
        const SubscriptionOutcome& created = outcome.subscriptions[0];
        CPPUNIT_ASSERT_EQUAL(std::string("d1"), created.msSubscriptionId);
        CPPUNIT_ASSERT_EQUAL(std::string("Offer d1"), created.name);
        CPPUNIT_ASSERT(created.kind == SubscriptionOutcomeKind::Failed);
        CPPUNIT_ASSERT_EQUAL(kReason, created.reason);
        CPPUNIT_ASSERT_EQUAL(std::string("monthly"), created.billingCycle);
        CPPUNIT_ASSERT_EQUAL(std::string("P1M"), created.termDuration);
        CPPUNIT_ASSERT(!created.billing); // nothing is billed
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), created.bssSubscriptionId);
        CPPUNIT_ASSERT(outcome.subscriptions[1].kind == SubscriptionOutcomeKind::Failed);
    }

    void unwrittenTenantKeepsItsSkipsWithTheirOwnReasons() {
        const ImportPlan plan = mixedPlan();
        const TenantPlan& existing = plan.tenants[2]; // e1 in the BSS, e2 an Azure plan
        CPPUNIT_ASSERT_EQUAL(std::string("t-existing"), existing.tenantId);
        const TenantOutcome outcome = unwrittenTenantOutcome(existing, kReason);
        CPPUNIT_ASSERT(outcome.account == AccountOutcomeKind::Failed);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), outcome.bssAccountId); // nothing was written
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.subscriptions.size());
        for (std::size_t i = 0; i < 2; ++i) {
            CPPUNIT_ASSERT(existing.subscriptions[i].kind == SubscriptionActionKind::Skip);
            CPPUNIT_ASSERT(outcome.subscriptions[i].kind == SubscriptionOutcomeKind::Skipped);
            CPPUNIT_ASSERT_EQUAL(existing.subscriptions[i].reason, outcome.subscriptions[i].reason);
            CPPUNIT_ASSERT(outcome.subscriptions[i].reason != kReason);
        }
    }

    void unwrittenTenantOfAResellerNamesItsSeller() {
        const ImportPlan plan = mixedPlan();
        const TenantPlan& resold = plan.tenants[1]; // t-new-a of Tailspin
        const TenantOutcome outcome = unwrittenTenantOutcome(resold, kReason);
        CPPUNIT_ASSERT_EQUAL(std::string("7654321"), outcome.resellerMpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("Tailspin"), outcome.resellerName);
        // One CSV row per subscription, each failing with the reason.
        const auto rows = importOutcomeRows("run-8", false, outcome);
        CPPUNIT_ASSERT_EQUAL(std::string("run-8,no,t-new-a,litware,7654321,Tailspin,failed,,a1,"
                                         "Offer a1,,failed," +
                                         kReason + ",monthly,,,,,,,\r\n"),
                             writeCsv(rows));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlannedOutcomeTest);
