#include "domain/billing/BillingScheduler.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::BillingCycle;
using ict::domain::BillingPolicy;
using ict::domain::BillingSchedule;
using ict::domain::BillingScheduleResult;
using ict::domain::BillingTerms;
using ict::domain::CivilDate;
using ict::domain::scheduleBilling;

namespace {

CivilDate date(const char* text) {
    const auto value = CivilDate::parse(text);
    CPPUNIT_ASSERT_MESSAGE(text, value.has_value());
    return *value;
}

std::string show(const std::optional<CivilDate>& value) {
    return value ? value->format() : std::string("-");
}

// "periodStart..periodEnd charge chargeFrom..chargeTo n/d next nextBillingDate"
std::string show(const BillingScheduleResult& result) {
    if (!result.ok())
        return "error: " + result.error;
    const BillingSchedule& s = *result.schedule;
    return show(s.currentPeriodStart) + ".." + show(s.currentPeriodEnd) + " charge " +
           show(s.chargeFrom) + ".." + show(s.chargeTo) + " " +
           std::to_string(s.prorationNumerator) + "/" + std::to_string(s.prorationDenominator) +
           " next " + show(s.nextBillingDate);
}

BillingTerms terms(const char* start, const char* cycle, const char* term,
                   const char* commitmentEnd = "") {
    return BillingTerms{start, cycle, term, commitmentEnd};
}

} // namespace

class BillingSchedulerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BillingSchedulerTest);
    CPPUNIT_TEST(fullCurrentPeriodBacksDatesToThePeriodStart);
    CPPUNIT_TEST(proratedFromImportCountsRemainingDays);
    CPPUNIT_TEST(nextRenewalChargesNothingNow);
    CPPUNIT_TEST(monthEndStart);
    CPPUNIT_TEST(leapDayAnnual);
    CPPUNIT_TEST(triennial);
    CPPUNIT_TEST(importOnFirstAndLastDayOfPeriod);
    CPPUNIT_TEST(monthlyBillingOfAnAnnualTerm);
    CPPUNIT_TEST(commitmentEndShortensTheLastPeriod);
    CPPUNIT_TEST(staleCommitmentEndIsIgnored);
    CPPUNIT_TEST(futureStartChargesNothingUntilStart);
    CPPUNIT_TEST(notBilledByCycle);
    CPPUNIT_TEST(errorsNameTheFieldAndValue);
    CPPUNIT_TEST_SUITE_END();

public:
    void fullCurrentPeriodBacksDatesToThePeriodStart() {
        // The reference product's documented example (peers.md 1.6).
        const auto result = scheduleBilling(terms("2022-03-12T00:00:00Z", "annual", "P1Y"),
                                            BillingPolicy::FullCurrentPeriod, date("2022-07-05"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2022-03-12..2023-03-11 charge 2022-03-12..2023-03-11 365/365 next "
                        "2023-03-12"),
            show(result));
        CPPUNIT_ASSERT(result.schedule->started);
        CPPUNIT_ASSERT(result.schedule->billedByCycle);
        CPPUNIT_ASSERT(result.schedule->billingCycle == BillingCycle::Annual);
        CPPUNIT_ASSERT_EQUAL(12, result.schedule->termMonths);
    }
    void proratedFromImportCountsRemainingDays() {
        const auto result = scheduleBilling(terms("2025-03-10T08:00:00Z", "monthly", "P1M"),
                                            BillingPolicy::ProratedFromImport, date("2025-11-25"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-11-10..2025-12-09 charge 2025-11-25..2025-12-09 15/30 next "
                        "2025-12-10"),
            show(result));
    }
    void nextRenewalChargesNothingNow() {
        const auto result = scheduleBilling(terms("2025-03-10", "monthly", "P1M"),
                                            BillingPolicy::NextRenewal, date("2025-11-25"));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-11-10..2025-12-09 charge -..- 0/30 next 2025-12-10"),
                             show(result));
    }
    void monthEndStart() {
        const BillingTerms jan31 = terms("2025-01-31", "monthly", "P1M");
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-01-31..2025-02-27 charge 2025-02-10..2025-02-27 18/28 next "
                        "2025-02-28"),
            show(scheduleBilling(jan31, BillingPolicy::ProratedFromImport, date("2025-02-10"))));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-03-31..2025-04-29 charge 2025-03-31..2025-04-29 30/30 next "
                        "2025-04-30"),
            show(scheduleBilling(jan31, BillingPolicy::FullCurrentPeriod, date("2025-04-15"))));
    }
    void leapDayAnnual() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("2024-02-29..2025-02-27 charge 2024-02-29..2025-02-27 365/365 next "
                        "2025-02-28"),
            show(scheduleBilling(terms("2024-02-29", "annual", "P1Y"),
                                 BillingPolicy::FullCurrentPeriod, date("2024-06-01"))));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2027-02-28..2028-02-28 charge 2028-02-28..2028-02-28 1/366 next "
                        "2028-02-29"),
            show(scheduleBilling(terms("2024-02-29", "annual", "P1Y"),
                                 BillingPolicy::ProratedFromImport, date("2028-02-28"))));
    }
    void triennial() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-03-12..2028-03-11 charge 2026-03-12..2028-03-11 731/1096 next "
                        "2028-03-12"),
            show(scheduleBilling(terms("2025-03-12", "triennial", "P3Y"),
                                 BillingPolicy::ProratedFromImport, date("2026-03-12"))));
    }
    void importOnFirstAndLastDayOfPeriod() {
        const BillingTerms monthly = terms("2025-01-15", "monthly", "P1M");
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-06-15..2025-07-14 charge 2025-06-15..2025-07-14 30/30 next "
                        "2025-07-15"),
            show(scheduleBilling(monthly, BillingPolicy::ProratedFromImport, date("2025-06-15"))));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-06-15..2025-07-14 charge 2025-07-14..2025-07-14 1/30 next "
                        "2025-07-15"),
            show(scheduleBilling(monthly, BillingPolicy::ProratedFromImport, date("2025-07-14"))));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-06-15..2025-07-14 charge -..- 0/30 next 2025-07-15"),
            show(scheduleBilling(monthly, BillingPolicy::NextRenewal, date("2025-07-14"))));
    }
    void monthlyBillingOfAnAnnualTerm() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-11-01..2025-11-30 charge 2025-11-01..2025-11-30 30/30 next "
                        "2025-12-01"),
            show(scheduleBilling(terms("2025-02-01", "monthly", "P1Y", "2026-01-31"),
                                 BillingPolicy::FullCurrentPeriod, date("2025-11-25"))));
    }
    void commitmentEndShortensTheLastPeriod() {
        // A coterminous annual term that ends before a full year from its start.
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-03-10..2025-12-31 charge 2025-11-25..2025-12-31 37/297 next "
                        "2026-01-01"),
            show(scheduleBilling(terms("2025-03-10", "annual", "P1Y", "2025-12-31T00:00:00Z"),
                                 BillingPolicy::ProratedFromImport, date("2025-11-25"))));
    }
    void staleCommitmentEndIsIgnored() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-11-10..2025-12-09 charge 2025-11-10..2025-12-09 30/30 next "
                        "2025-12-10"),
            show(scheduleBilling(terms("2025-03-10", "monthly", "P1M", "2025-04-09"),
                                 BillingPolicy::FullCurrentPeriod, date("2025-11-25"))));
        // The legacy Azure sentinel never shortens a period.
        CPPUNIT_ASSERT_EQUAL(
            std::string("2025-11-10..2025-12-09 charge 2025-11-10..2025-12-09 30/30 next "
                        "2025-12-10"),
            show(scheduleBilling(terms("2025-03-10", "monthly", "", "9999-12-10T00:00:00Z"),
                                 BillingPolicy::FullCurrentPeriod, date("2025-11-25"))));
    }
    void futureStartChargesNothingUntilStart() {
        for (BillingPolicy policy :
             {BillingPolicy::FullCurrentPeriod, BillingPolicy::ProratedFromImport,
              BillingPolicy::NextRenewal}) {
            const auto result =
                scheduleBilling(terms("2025-12-01", "monthly", "P1M"), policy, date("2025-11-25"));
            CPPUNIT_ASSERT_EQUAL(
                std::string("2025-12-01..2025-12-31 charge -..- 0/31 next 2025-12-01"),
                show(result));
            CPPUNIT_ASSERT(!result.schedule->started);
        }
    }
    void notBilledByCycle() {
        const auto result = scheduleBilling(terms("", "one_time", ""),
                                            BillingPolicy::FullCurrentPeriod, date("2025-11-25"));
        CPPUNIT_ASSERT_EQUAL(std::string("-..- charge -..- 0/1 next -"), show(result));
        CPPUNIT_ASSERT(!result.schedule->billedByCycle);
        CPPUNIT_ASSERT(result.schedule->billingCycle == BillingCycle::OneTime);
    }
    void errorsNameTheFieldAndValue() {
        const CivilDate today = date("2025-11-25");
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'effectiveStartDate' is missing."),
            show(scheduleBilling(terms("", "monthly", "P1M"), BillingPolicy::FullCurrentPeriod,
                                 today)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'effectiveStartDate' has value '2025-02-30', "
                        "which is not an ISO-8601 date."),
            show(scheduleBilling(terms("2025-02-30", "monthly", "P1M"),
                                 BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(std::string("error: Subscription field 'billingCycle' is missing."),
                             show(scheduleBilling(terms("2025-01-01", "", "P1M"),
                                                  BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'billingCycle' has value 'weekly', which is "
                        "not a known billing cycle (monthly, annual, biennial, triennial, none, "
                        "one_time)."),
            show(scheduleBilling(terms("2025-01-01", "weekly", "P1M"),
                                 BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'termDuration' has value 'P1W', which is not a "
                        "term of whole months or years (P1M, P1Y, P3Y)."),
            show(scheduleBilling(terms("2025-01-01", "monthly", "P1W"),
                                 BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'billingCycle' has value 'annual', which is "
                        "longer than its term 'P1M'."),
            show(scheduleBilling(terms("2025-01-01", "annual", "P1M"),
                                 BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("error: Subscription field 'commitmentEndDate' has value 'soon', which is "
                        "not an ISO-8601 date."),
            show(scheduleBilling(terms("2025-01-01", "monthly", "P1M", "soon"),
                                 BillingPolicy::FullCurrentPeriod, today)));
        CPPUNIT_ASSERT_EQUAL(std::string("error: The billing policy is not set."),
                             show(scheduleBilling(terms("2025-01-01", "monthly", "P1M"),
                                                  BillingPolicy::Unset, today)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BillingSchedulerTest);
