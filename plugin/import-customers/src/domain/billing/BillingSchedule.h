#pragma once
/// How one imported subscription will be billed ([S13], [B9]): the output of scheduleBilling().
/// Dates are inclusive calendar dates (UTC). Plain data.

#include "domain/billing/BillingCycle.h"
#include "domain/billing/BillingPolicy.h"
#include "domain/common/CivilDate.h"

#include <optional>

namespace ict::domain {

struct BillingSchedule {
    BillingPolicy policy = BillingPolicy::Unset;
    BillingCycle billingCycle = BillingCycle::Unset;
    int termMonths = 0; ///< 0 when the subscription has no term.

    /// False for the cycles none and one_time: then every date below is empty and the proration
    /// is 0/1.
    bool billedByCycle = false;
    /// False when the subscription starts after the import date: nothing is charged now, the
    /// current period is the first one and the next billing date is the start date, whatever the
    /// policy.
    bool started = false;

    std::optional<CivilDate> currentPeriodStart;
    std::optional<CivilDate> currentPeriodEnd; ///< Inclusive.
    /// The first charge's range (inclusive); both empty when nothing is charged now (NextRenewal,
    /// not started, not billed by cycle).
    std::optional<CivilDate> chargeFrom;
    std::optional<CivilDate> chargeTo;
    /// Share of the current period's price the first charge bills, as days charged / days in the
    /// period, not reduced (so it reads as days): Full 31/31, Prorated 10/31, NextRenewal 0/31.
    long long prorationNumerator = 0;
    long long prorationDenominator = 1;
    std::optional<CivilDate> nextBillingDate;
};

} // namespace ict::domain
