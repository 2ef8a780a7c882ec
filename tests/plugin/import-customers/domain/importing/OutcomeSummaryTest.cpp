#include "domain/importing/OutcomeSummary.h"
#include "domain/importing/PlannedOutcome.h"

#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

class OutcomeSummaryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(OutcomeSummaryTest);
    CPPUNIT_TEST(countsEveryAccountAndSubscriptionOutcome);
    CPPUNIT_TEST(countOutcomeAccumulatesLikeSummarizeOutcomes);
    CPPUNIT_TEST_SUITE_END();

public:
    void countsEveryAccountAndSubscriptionOutcome() {
        TenantOutcome created;
        created.account = AccountOutcomeKind::Created;
        created.subscriptions = {sub(SubscriptionOutcomeKind::Created),
                                 sub(SubscriptionOutcomeKind::Created),
                                 sub(SubscriptionOutcomeKind::Failed)};
        TenantOutcome existing;
        existing.account = AccountOutcomeKind::Existing;
        existing.subscriptions = {sub(SubscriptionOutcomeKind::Added),
                                  sub(SubscriptionOutcomeKind::Skipped)};
        TenantOutcome failed;
        failed.account = AccountOutcomeKind::Failed;

        const OutcomeSummary summary = summarizeOutcomes({created, existing, failed});
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), summary.tenants);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.accountsCreated);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.accountsExisting);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.accountsFailed);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), summary.subscriptionsCreated);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.subscriptionsAdded);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.subscriptionsSkipped);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), summary.subscriptionsFailed);
    }

    void countOutcomeAccumulatesLikeSummarizeOutcomes() {
        std::vector<TenantOutcome> tenants =
            plannedOutcome(importfixtures::mixedPlan(), "r").tenants;
        TenantOutcome unset; // counted as a tenant, in no account column
        unset.subscriptions = {sub(SubscriptionOutcomeKind::Unset),
                               sub(SubscriptionOutcomeKind::Added)};
        tenants.push_back(unset);
        const OutcomeSummary whole = summarizeOutcomes(tenants);
        OutcomeSummary counted;
        for (const TenantOutcome& tenant : tenants)
            countOutcome(counted, tenant);
        CPPUNIT_ASSERT_EQUAL(describe(whole), describe(counted));
        CPPUNIT_ASSERT_EQUAL(std::string("5 tenants: 3/1/0 accounts, 2/1/2/2 subscriptions"),
                             describe(whole));
        // It adds to what the summary held: a run counts batch after batch.
        for (const TenantOutcome& tenant : tenants)
            countOutcome(counted, tenant);
        CPPUNIT_ASSERT_EQUAL(std::string("10 tenants: 6/2/0 accounts, 4/2/4/4 subscriptions"),
                             describe(counted));
    }

private:
    static std::string describe(const OutcomeSummary& s) {
        return std::to_string(s.tenants) + " tenants: " + std::to_string(s.accountsCreated) + "/" +
               std::to_string(s.accountsExisting) + "/" + std::to_string(s.accountsFailed) +
               " accounts, " + std::to_string(s.subscriptionsCreated) + "/" +
               std::to_string(s.subscriptionsAdded) + "/" + std::to_string(s.subscriptionsSkipped) +
               "/" + std::to_string(s.subscriptionsFailed) + " subscriptions";
    }
    static SubscriptionOutcome sub(SubscriptionOutcomeKind kind) {
        SubscriptionOutcome outcome;
        outcome.kind = kind;
        return outcome;
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutcomeSummaryTest);
