#include "domain/hierarchy/HierarchyProgress.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

class HierarchyProgressTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyProgressTest);
    CPPUNIT_TEST(estimateFollowsTheRateSoFar);
    CPPUNIT_TEST(unknownTotalGivesNoEstimate);
    CPPUNIT_TEST(nothingDoneOrNoTimeGivesNoEstimate);
    CPPUNIT_TEST(allDoneIsZero);
    CPPUNIT_TEST(countsAboveTotalsAreClamped);
    CPPUNIT_TEST_SUITE_END();

public:
    void estimateFollowsTheRateSoFar() {
        HierarchyProgress progress;
        progress.resellersTotal = 10;
        progress.resellersFetched = 10;
        progress.tenantsTotal = 90;
        progress.tenantsFetched = 15;
        progress.elapsedSeconds = 50.0; // 25 units in 50 s: 75 left take 150 s.
        const auto estimate = estimateRemainingSeconds(progress);
        CPPUNIT_ASSERT(estimate.has_value());
        CPPUNIT_ASSERT_DOUBLES_EQUAL(150.0, *estimate, 1e-9);
    }
    void unknownTotalGivesNoEstimate() {
        HierarchyProgress progress;
        progress.resellersTotal = 0;
        progress.tenantsFetched = 5;
        progress.elapsedSeconds = 10.0;
        CPPUNIT_ASSERT(!estimateRemainingSeconds(progress).has_value());
        progress.tenantsTotal = 10;
        CPPUNIT_ASSERT_DOUBLES_EQUAL(10.0, *estimateRemainingSeconds(progress), 1e-9);
    }
    void nothingDoneOrNoTimeGivesNoEstimate() {
        HierarchyProgress progress;
        progress.resellersTotal = 0;
        progress.tenantsTotal = 10;
        progress.elapsedSeconds = 3.0;
        CPPUNIT_ASSERT(!estimateRemainingSeconds(progress).has_value());
        progress.tenantsFetched = 2;
        progress.elapsedSeconds = 0.0;
        CPPUNIT_ASSERT(!estimateRemainingSeconds(progress).has_value());
    }
    void allDoneIsZero() {
        HierarchyProgress progress;
        progress.resellersTotal = 0;
        progress.tenantsTotal = 0;
        CPPUNIT_ASSERT_DOUBLES_EQUAL(0.0, *estimateRemainingSeconds(progress), 1e-9);
    }
    void countsAboveTotalsAreClamped() {
        HierarchyProgress progress;
        progress.resellersTotal = 2;
        progress.resellersFetched = 7; // counts as 2
        progress.tenantsTotal = 4;
        progress.tenantsFetched = 1;
        progress.elapsedSeconds = 6.0; // 3 units in 6 s: 3 left take 6 s.
        CPPUNIT_ASSERT_DOUBLES_EQUAL(6.0, *estimateRemainingSeconds(progress), 1e-9);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyProgressTest);
