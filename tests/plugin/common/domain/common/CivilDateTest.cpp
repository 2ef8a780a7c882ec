#include "domain/common/CivilDate.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::CivilDate;

namespace {

CivilDate date(int y, int m, int d) {
    const auto value = CivilDate::fromYmd(y, m, d);
    CPPUNIT_ASSERT_MESSAGE("test date must be valid", value.has_value());
    return *value;
}

std::string parsed(const std::string& text) {
    const auto value = CivilDate::parse(text);
    return value ? value->format() : std::string("<none>");
}

} // namespace

class CivilDateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CivilDateTest);
    CPPUNIT_TEST(parsesPartnerCenterTimesAsUtcDates);
    CPPUNIT_TEST(appliesOffsetsAcrossMidnight);
    CPPUNIT_TEST(parsesTheLegacyAzureSentinel);
    CPPUNIT_TEST(rejectsMalformedText);
    CPPUNIT_TEST(rejectsImpossibleDates);
    CPPUNIT_TEST(leapYears);
    CPPUNIT_TEST(addMonthsClampsToMonthEnd);
    CPPUNIT_TEST(addMonthsAcrossYearsAndBackwards);
    CPPUNIT_TEST(daysBetweenAndAddDays);
    CPPUNIT_TEST(ordering);
    CPPUNIT_TEST_SUITE_END();

public:
    void parsesPartnerCenterTimesAsUtcDates() {
        CPPUNIT_ASSERT_EQUAL(std::string("2021-10-15"), parsed("2021-10-15T21:28:19.3058617Z"));
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), parsed("2024-02-29"));
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), parsed("2024-02-29T00:00:00Z"));
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), parsed("2024-02-29T23:59:59+00:00"));
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), parsed("2024-02-29T12:00:00"));
    }
    void appliesOffsetsAcrossMidnight() {
        CPPUNIT_ASSERT_EQUAL(std::string("2024-03-01"), parsed("2024-02-29T23:30:00-01:00"));
        CPPUNIT_ASSERT_EQUAL(std::string("2023-12-31"), parsed("2024-01-01T00:30:00+02:00"));
    }
    void parsesTheLegacyAzureSentinel() {
        CPPUNIT_ASSERT_EQUAL(std::string("9999-12-10"), parsed("9999-12-10T00:00:00Z"));
    }
    void rejectsMalformedText() {
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed(""));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-2-29"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024/02/29"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-02-29T10:00"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-02-29T10:00:00.Z"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-02-29T10:00:00Zjunk"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-02-29T25:00:00Z"));
    }
    void rejectsImpossibleDates() {
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2023-02-29"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-04-31"));
        CPPUNIT_ASSERT_EQUAL(std::string("<none>"), parsed("2024-13-01"));
        CPPUNIT_ASSERT(!CivilDate::fromYmd(2024, 0, 1));
        CPPUNIT_ASSERT(!CivilDate::fromYmd(1900, 2, 29));
        CPPUNIT_ASSERT(CivilDate::fromYmd(2000, 2, 29));
    }
    void leapYears() {
        CPPUNIT_ASSERT(CivilDate::isLeapYear(2024));
        CPPUNIT_ASSERT(CivilDate::isLeapYear(2000));
        CPPUNIT_ASSERT(!CivilDate::isLeapYear(1900));
        CPPUNIT_ASSERT(!CivilDate::isLeapYear(2025));
        CPPUNIT_ASSERT_EQUAL(29, CivilDate::daysInMonth(2024, 2));
        CPPUNIT_ASSERT_EQUAL(28, CivilDate::daysInMonth(2100, 2));
        CPPUNIT_ASSERT_EQUAL(30, CivilDate::daysInMonth(2025, 4));
        CPPUNIT_ASSERT_EQUAL(0, CivilDate::daysInMonth(2025, 13));
    }
    void addMonthsClampsToMonthEnd() {
        CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28"), date(2025, 1, 31).addMonths(1).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), date(2024, 1, 31).addMonths(1).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-04-30"), date(2025, 1, 31).addMonths(3).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28"), date(2024, 2, 29).addMonths(12).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2028-02-29"), date(2024, 2, 29).addMonths(48).format());
        // No carry: one month after the clamped Feb 28 is Mar 28, which is why periods anchor.
        CPPUNIT_ASSERT_EQUAL(std::string("2025-03-28"),
                             date(2025, 1, 31).addMonths(1).addMonths(1).format());
    }
    void addMonthsAcrossYearsAndBackwards() {
        CPPUNIT_ASSERT_EQUAL(std::string("2026-01-15"), date(2025, 11, 15).addMonths(2).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2024-11-30"), date(2025, 1, 31).addMonths(-2).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2028-03-12"), date(2025, 3, 12).addMonths(36).format());
    }
    void daysBetweenAndAddDays() {
        CPPUNIT_ASSERT_EQUAL(2LL, CivilDate::daysBetween(date(2024, 2, 28), date(2024, 3, 1)));
        CPPUNIT_ASSERT_EQUAL(1LL, CivilDate::daysBetween(date(2023, 2, 28), date(2023, 3, 1)));
        CPPUNIT_ASSERT_EQUAL(-366LL, CivilDate::daysBetween(date(2025, 1, 1), date(2024, 1, 1)));
        CPPUNIT_ASSERT_EQUAL(0LL, date(1970, 1, 1).daysSinceEpoch());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01"), date(2024, 12, 31).addDays(1).format());
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), date(2024, 3, 1).addDays(-1).format());
        CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31"), CivilDate::fromDaysSinceEpoch(-1).format());
    }
    void ordering() {
        CPPUNIT_ASSERT(date(2024, 12, 31) < date(2025, 1, 1));
        CPPUNIT_ASSERT(date(2025, 1, 2) > date(2025, 1, 1));
        CPPUNIT_ASSERT(date(2025, 1, 1) == *CivilDate::parse("2025-01-01T05:00:00Z"));
        CPPUNIT_ASSERT(date(2025, 1, 1) <= date(2025, 1, 1));
        CPPUNIT_ASSERT(date(2025, 1, 1) != date(2025, 1, 2));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CivilDateTest);
