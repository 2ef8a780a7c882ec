#pragma once
/// Computes an imported subscription's billing schedule from its Partner Center dates ([S13],
/// [B9]). Pure and thread-safe.

#include "domain/billing/BillingPolicy.h"
#include "domain/billing/BillingSchedule.h"
#include "domain/common/CivilDate.h"

#include <optional>
#include <string>

namespace ict::domain {

/// A subscription's billing inputs, as Partner Center sends them (ISO-8601 text, names).
struct BillingTerms {
    std::string effectiveStartDate; ///< Required when the cycle bills by period.
    std::string billingCycle;       ///< Required: monthly, annual, biennial, triennial, none, ...
    std::string termDuration;       ///< P1M, P1Y, P3Y; may be empty.
    std::string commitmentEndDate;  ///< May be empty; 9999-12-10 (legacy Azure) is fine.
};

/// Either a schedule or an error naming the field and its value; never both.
struct BillingScheduleResult {
    std::optional<BillingSchedule> schedule;
    std::string error;

    bool ok() const { return schedule.has_value(); }
};

/// The billing of a subscription imported on `importDate` under `policy`.
///
/// The current period is the BillingPeriod (see BillingPeriod.h for the anchoring rule) anchored
/// on the start date that contains the import date. When the import date is on or before the
/// commitment end date and that period runs past it, the period ends on the commitment end date
/// (a term that ends mid-cycle, e.g. a coterminous one). A commitment end before the import date is
/// taken as stale (the term renewed) and ignored.
///  - FullCurrentPeriod: charge [periodStart, periodEnd], proration days/days, next = periodEnd+1.
///  - ProratedFromImport: charge [importDate, periodEnd], proration (periodEnd-importDate+1)/days,
///    next = periodEnd+1.
///  - NextRenewal: no charge, proration 0/days, next = periodEnd+1.
/// Start after the import date: not started, no charge, period 0, next = the start date.
///
/// Errors (field named with its value): policy unset; billingCycle missing or unknown;
/// effectiveStartDate missing or not a date; termDuration or commitmentEndDate not valid; a cycle
/// longer than the term (annual on P1M).
BillingScheduleResult scheduleBilling(const BillingTerms& terms, BillingPolicy policy,
                                      const CivilDate& importDate);

} // namespace ict::domain
