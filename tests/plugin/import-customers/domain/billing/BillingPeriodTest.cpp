#include "domain/billing/BillingPeriod.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::BillingPeriod;
using ict::domain::billingPeriodAt;
using ict::domain::billingPeriodContaining;
using ict::domain::CivilDate;

namespace {

CivilDate date(const char* text) {
    const auto value = CivilDate::parse(text);
    CPPUNIT_ASSERT_MESSAGE(text, value.has_value());
    return *value;
}

std::string show(const BillingPeriod& period) {
    return period.start.format() + ".." + period.end.format();
}

} // namespace

class BillingPeriodTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BillingPeriodTest);
    CPPUNIT_TEST(monthlyFromTheThirtyFirstAnchorsOnTheStartDay);
    CPPUNIT_TEST(annualFromALeapDay);
    CPPUNIT_TEST(triennial);
    CPPUNIT_TEST(containingFindsTheRightPeriodAtItsEdges);
    CPPUNIT_TEST(beforeTheAnchorIsTheFirstPeriod);
    CPPUNIT_TEST_SUITE_END();

public:
    void monthlyFromTheThirtyFirstAnchorsOnTheStartDay() {
        const CivilDate start = date("2025-01-31");
        CPPUNIT_ASSERT_EQUAL(std::string("2025-01-31..2025-02-27"),
                             show(billingPeriodAt(start, 1, 0)));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28..2025-03-30"),
                             show(billingPeriodAt(start, 1, 1)));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-03-31..2025-04-29"),
                             show(billingPeriodAt(start, 1, 2)));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-04-30..2025-05-30"),
                             show(billingPeriodAt(start, 1, 3)));
        CPPUNIT_ASSERT_EQUAL(28LL, billingPeriodAt(start, 1, 0).days());
        CPPUNIT_ASSERT_EQUAL(31LL, billingPeriodAt(start, 1, 1).days());
    }
    void annualFromALeapDay() {
        const CivilDate start = date("2024-02-29");
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29..2025-02-27"),
                             show(billingPeriodAt(start, 12, 0)));
        CPPUNIT_ASSERT_EQUAL(365LL, billingPeriodAt(start, 12, 0).days());
        CPPUNIT_ASSERT_EQUAL(std::string("2027-02-28..2028-02-28"),
                             show(billingPeriodAt(start, 12, 3)));
        CPPUNIT_ASSERT_EQUAL(std::string("2028-02-29..2029-02-27"),
                             show(billingPeriodAt(start, 12, 4)));
    }
    void triennial() {
        CPPUNIT_ASSERT_EQUAL(std::string("2025-03-12..2028-03-11"),
                             show(billingPeriodAt(date("2025-03-12"), 36, 0)));
        CPPUNIT_ASSERT_EQUAL(1096LL, billingPeriodAt(date("2025-03-12"), 36, 0).days());
    }
    void containingFindsTheRightPeriodAtItsEdges() {
        const CivilDate start = date("2025-01-31");
        CPPUNIT_ASSERT_EQUAL(std::string("2025-01-31..2025-02-27"),
                             show(billingPeriodContaining(start, 1, date("2025-01-31"))));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-01-31..2025-02-27"),
                             show(billingPeriodContaining(start, 1, date("2025-02-27"))));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28..2025-03-30"),
                             show(billingPeriodContaining(start, 1, date("2025-02-28"))));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28..2025-03-30"),
                             show(billingPeriodContaining(start, 1, date("2025-03-30"))));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-03-31..2025-04-29"),
                             show(billingPeriodContaining(start, 1, date("2025-03-31"))));
        // The reference product's documented case: annual, started 12/03/2022, run 05/07/2022.
        CPPUNIT_ASSERT_EQUAL(
            std::string("2022-03-12..2023-03-11"),
            show(billingPeriodContaining(date("2022-03-12"), 12, date("2022-07-05"))));
        CPPUNIT_ASSERT(
            billingPeriodContaining(start, 1, date("2026-12-01")).contains(date("2026-12-01")));
    }
    void beforeTheAnchorIsTheFirstPeriod() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-06-01..2025-06-30"),
            show(billingPeriodContaining(date("2025-06-01"), 1, date("2025-05-20"))));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BillingPeriodTest);
