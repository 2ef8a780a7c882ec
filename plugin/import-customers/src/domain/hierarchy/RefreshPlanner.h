#pragma once
/// Plans an incremental refresh from Partner Center's audit records ([B4]), so a refresh costs
/// requests in proportion to changes, not tenants. Pure.

#include "domain/common/IsoTime.h"
#include "domain/hierarchy/RefreshPlan.h"
#include "domain/partner/AuditRecord.h"

#include <optional>
#include <vector>

namespace ict::domain {

/// Partner Center keeps audit records for the last 90 days.
constexpr int kAuditRetentionDays = 90;

/// Full when:
///  - `lastMassUpdate` is empty: "No mass Get Hierarchy has completed for this instance yet, so a
///    full Get Hierarchy runs.";
///  - now - lastMassUpdate >= 90 days (the records of the first day may be gone already):
///    "Audit records cover only the last 90 days; the last update was <YYYY-MM-DDTHH:MM:SSZ>, so
///    a full Get Hierarchy runs.";
///  - lastMassUpdate is later than `now` (a clock moved back): "The last update
///    <YYYY-MM-DDTHH:MM:SSZ> is later than now, so a full Get Hierarchy runs."
/// Otherwise Incremental with the distinct customerIds (trimmed, lower case, sorted) of
/// `records`, new customers' included (add_customer records carry the new id). Records with no
/// customerId are skipped, and so are records whose operationDate parses to a time before
/// lastMassUpdate (an unparsable date is kept: refetching costs less than missing a change).
/// A tenant goes into customerReads too unless every one of its records has the resourceType
/// "subscription" or "order" (case-insensitive): anything else, unknown or empty types included,
/// may have changed the customer itself.
/// The plan may name no tenant: then nothing changed. The job should still re-read the reseller
/// relationships (one request) and re-run the audit, since BSS accounts change without records.
RefreshPlan planRefresh(const std::optional<TimePoint>& lastMassUpdate, TimePoint now,
                        const std::vector<AuditRecord>& records);

} // namespace ict::domain
