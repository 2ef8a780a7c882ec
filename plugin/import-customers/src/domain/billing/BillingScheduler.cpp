#include "domain/billing/BillingScheduler.h"

#include "domain/billing/BillingCycle.h"
#include "domain/billing/BillingPeriod.h"
#include "domain/billing/TermDuration.h"

namespace ict::domain {
namespace {

BillingScheduleResult failure(std::string message) {
    BillingScheduleResult result;
    result.error = std::move(message);
    return result;
}

std::string missing(const char* field) {
    return std::string("Subscription field '") + field + "' is missing.";
}

std::string invalid(const char* field, const std::string& value, const char* expected) {
    return std::string("Subscription field '") + field + "' has value '" + value + "', which is " +
           expected + ".";
}

} // namespace

BillingScheduleResult scheduleBilling(const BillingTerms& terms, BillingPolicy policy,
                                      const CivilDate& importDate) {
    if (policy == BillingPolicy::Unset)
        return failure("The billing policy is not set.");
    if (terms.billingCycle.empty())
        return failure(missing("billingCycle"));
    const std::optional<BillingCycle> cycle = parseBillingCycle(terms.billingCycle);
    if (!cycle)
        return failure(invalid("billingCycle", terms.billingCycle,
                               "not a known billing cycle (monthly, annual, biennial, triennial, "
                               "none, one_time)"));
    std::optional<int> termMonths;
    if (!terms.termDuration.empty()) {
        termMonths = parseTermMonths(terms.termDuration);
        if (!termMonths)
            return failure(invalid("termDuration", terms.termDuration,
                                   "not a term of whole months or years (P1M, P1Y, P3Y)"));
    }

    BillingSchedule schedule;
    schedule.policy = policy;
    schedule.billingCycle = *cycle;
    schedule.termMonths = termMonths.value_or(0);
    const int cycleMonths = billingCycleMonths(*cycle);
    if (cycleMonths == 0) {
        // none / one_time: Partner Center does not bill these by period, so there is none to
        // anchor a schedule on.
        return BillingScheduleResult{schedule, {}};
    }
    if (termMonths && cycleMonths > *termMonths)
        return failure("Subscription field 'billingCycle' has value '" + terms.billingCycle +
                       "', which is longer than its term '" + terms.termDuration + "'.");

    if (terms.effectiveStartDate.empty())
        return failure(missing("effectiveStartDate"));
    const std::optional<CivilDate> start = CivilDate::parse(terms.effectiveStartDate);
    if (!start)
        return failure(
            invalid("effectiveStartDate", terms.effectiveStartDate, "not an ISO-8601 date"));
    std::optional<CivilDate> commitmentEnd;
    if (!terms.commitmentEndDate.empty()) {
        commitmentEnd = CivilDate::parse(terms.commitmentEndDate);
        if (!commitmentEnd)
            return failure(
                invalid("commitmentEndDate", terms.commitmentEndDate, "not an ISO-8601 date"));
    }

    schedule.billedByCycle = true;
    BillingPeriod period = billingPeriodContaining(*start, cycleMonths, importDate);
    const CivilDate reference = importDate < *start ? *start : importDate;
    if (commitmentEnd && reference <= *commitmentEnd && *commitmentEnd < period.end &&
        period.start <= *commitmentEnd)
        period.end = *commitmentEnd;
    schedule.currentPeriodStart = period.start;
    schedule.currentPeriodEnd = period.end;
    schedule.prorationDenominator = period.days();

    if (importDate < *start) {
        schedule.started = false;
        schedule.prorationNumerator = 0;
        schedule.nextBillingDate = *start;
        return BillingScheduleResult{schedule, {}};
    }
    schedule.started = true;
    schedule.nextBillingDate = period.end.addDays(1);
    switch (policy) {
    case BillingPolicy::FullCurrentPeriod:
        schedule.chargeFrom = period.start;
        schedule.chargeTo = period.end;
        schedule.prorationNumerator = period.days();
        break;
    case BillingPolicy::ProratedFromImport:
        schedule.chargeFrom = importDate;
        schedule.chargeTo = period.end;
        schedule.prorationNumerator = CivilDate::daysBetween(importDate, period.end) + 1;
        break;
    case BillingPolicy::NextRenewal:
    case BillingPolicy::Unset:
        schedule.prorationNumerator = 0;
        break;
    }
    return BillingScheduleResult{schedule, {}};
}

} // namespace ict::domain
