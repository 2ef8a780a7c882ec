#include "domain/billing/BillingPeriod.h"

namespace ict::domain {

BillingPeriod billingPeriodAt(const CivilDate& anchor, int months, long long index) {
    const CivilDate start = anchor.addMonths(static_cast<int>(index * months));
    const CivilDate next = anchor.addMonths(static_cast<int>((index + 1) * months));
    return BillingPeriod{start, next.addDays(-1)};
}

BillingPeriod billingPeriodContaining(const CivilDate& anchor, int months, const CivilDate& date) {
    if (date < anchor)
        return billingPeriodAt(anchor, months, 0);
    // The month distance gives the index to within one; clamping can only move it down by one.
    const long long monthsApart = (static_cast<long long>(date.year()) - anchor.year()) * 12 +
                                  (date.month() - anchor.month());
    long long index = monthsApart / months;
    while (index > 0 && date < anchor.addMonths(static_cast<int>(index * months)))
        --index;
    while (!(date < anchor.addMonths(static_cast<int>((index + 1) * months))))
        ++index;
    return billingPeriodAt(anchor, months, index);
}

} // namespace ict::domain
