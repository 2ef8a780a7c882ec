#include "domain/billing/BillingCycle.h"
#include "domain/billing/BillingPolicy.h"
#include "domain/billing/TermDuration.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

class BillingNamesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BillingNamesTest);
    CPPUNIT_TEST(cycleNamesRoundTrip);
    CPPUNIT_TEST(cycleMonths);
    CPPUNIT_TEST(unknownCyclesAreRejected);
    CPPUNIT_TEST(termMonths);
    CPPUNIT_TEST(policyNamesRoundTrip);
    CPPUNIT_TEST_SUITE_END();

public:
    void cycleNamesRoundTrip() {
        for (BillingCycle cycle :
             {BillingCycle::Monthly, BillingCycle::Annual, BillingCycle::Biennial,
              BillingCycle::Triennial, BillingCycle::None, BillingCycle::OneTime})
            CPPUNIT_ASSERT(parseBillingCycle(billingCycleName(cycle)) == cycle);
        CPPUNIT_ASSERT_EQUAL(std::string("one_time"),
                             std::string(billingCycleName(BillingCycle::OneTime)));
        CPPUNIT_ASSERT_EQUAL(std::string("unset"),
                             std::string(billingCycleName(BillingCycle::Unset)));
        CPPUNIT_ASSERT(parseBillingCycle("Annual") == BillingCycle::Annual);
        CPPUNIT_ASSERT(parseBillingCycle("OneTime") == BillingCycle::OneTime);
        CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(BillingCycle::Unset));
    }
    void cycleMonths() {
        CPPUNIT_ASSERT_EQUAL(1, billingCycleMonths(BillingCycle::Monthly));
        CPPUNIT_ASSERT_EQUAL(12, billingCycleMonths(BillingCycle::Annual));
        CPPUNIT_ASSERT_EQUAL(36, billingCycleMonths(BillingCycle::Triennial));
        CPPUNIT_ASSERT_EQUAL(0, billingCycleMonths(BillingCycle::OneTime));
    }
    void unknownCyclesAreRejected() {
        CPPUNIT_ASSERT(!parseBillingCycle(""));
        CPPUNIT_ASSERT(!parseBillingCycle("unknown"));
        CPPUNIT_ASSERT(!parseBillingCycle("unset"));
        CPPUNIT_ASSERT(!parseBillingCycle("weekly"));
    }
    void termMonths() {
        CPPUNIT_ASSERT(parseTermMonths("P1M") == 1);
        CPPUNIT_ASSERT(parseTermMonths("P1Y") == 12);
        CPPUNIT_ASSERT(parseTermMonths("P3Y") == 36);
        CPPUNIT_ASSERT(parseTermMonths("p36m") == 36);
        CPPUNIT_ASSERT(!parseTermMonths(""));
        CPPUNIT_ASSERT(!parseTermMonths("P1W"));
        CPPUNIT_ASSERT(!parseTermMonths("P0M"));
        CPPUNIT_ASSERT(!parseTermMonths("P1Y6M"));
        CPPUNIT_ASSERT(!parseTermMonths("1Y"));
        CPPUNIT_ASSERT(!parseTermMonths("P9999999999Y"));
    }
    void policyNamesRoundTrip() {
        CPPUNIT_ASSERT_EQUAL(std::string("full_current_period"),
                             std::string(billingPolicyName(BillingPolicy::FullCurrentPeriod)));
        CPPUNIT_ASSERT_EQUAL(std::string("prorated_from_import"),
                             std::string(billingPolicyName(BillingPolicy::ProratedFromImport)));
        CPPUNIT_ASSERT_EQUAL(std::string("next_renewal"),
                             std::string(billingPolicyName(BillingPolicy::NextRenewal)));
        CPPUNIT_ASSERT(parseBillingPolicy("next_renewal") == BillingPolicy::NextRenewal);
        CPPUNIT_ASSERT(!parseBillingPolicy("unset"));
        CPPUNIT_ASSERT(!parseBillingPolicy("Next_Renewal"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BillingNamesTest);
