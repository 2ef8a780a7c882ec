#include "domain/importing/ImportSummary.h"

#include "plugin/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace importfixtures;

class ImportSummaryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportSummaryTest);
    CPPUNIT_TEST(countsEveryAction);
    CPPUNIT_TEST(emptyPlan);
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
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportSummaryTest);
