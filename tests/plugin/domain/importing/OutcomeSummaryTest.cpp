#include "domain/importing/OutcomeSummary.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

class OutcomeSummaryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(OutcomeSummaryTest);
    CPPUNIT_TEST(countsEveryAccountAndSubscriptionOutcome);
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

private:
    static SubscriptionOutcome sub(SubscriptionOutcomeKind kind) {
        SubscriptionOutcome outcome;
        outcome.kind = kind;
        return outcome;
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutcomeSummaryTest);
