#pragma once
/// Partner Center billing periods of a subscription.
///
/// Anchoring rule: periods are counted from the subscription's start date (the anchor). Period k
/// starts on anchor + k * cycle months, each computed from the anchor itself and clamped to the
/// month's length, and ends (inclusive) the day before period k + 1 starts. So the anchor's day of
/// month comes back whenever the month has it:
///   start 2025-01-31, monthly: [01-31, 02-27], [02-28, 03-30], [03-31, 04-29], [04-30, 05-30]...
///   start 2024-02-29, annual:  [2024-02-29, 2025-02-27], [2025-02-28, 2026-02-27], ...,
///                              [2027-02-28, 2028-02-28], [2028-02-29, ...]
/// This is the usual "ends the day before the same day of month next cycle" rule; stepping from
/// the previous period instead would drift (Jan 31 -> Feb 28 -> Mar 28) and is not done.

#include "domain/common/CivilDate.h"

namespace ict::domain {

struct BillingPeriod {
    CivilDate start;
    CivilDate end; ///< Inclusive.

    /// Number of days in the period, both ends included.
    long long days() const { return CivilDate::daysBetween(start, end) + 1; }
    bool contains(const CivilDate& date) const { return start <= date && date <= end; }
};

/// Period number `index` (0 = the first) of periods of `months` months anchored on `anchor`.
/// `months` must be >= 1 and `index` >= 0.
BillingPeriod billingPeriodAt(const CivilDate& anchor, int months, long long index);

/// The period that contains `date`; period 0 when `date` is before `anchor`. `months` >= 1.
BillingPeriod billingPeriodContaining(const CivilDate& anchor, int months, const CivilDate& date);

} // namespace ict::domain
