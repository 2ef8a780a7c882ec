#include "domain/hierarchy/RefreshPlanner.h"

#include "domain/validation/AsciiText.h"

#include <set>

namespace {

/// Records of these resource types change a customer's subscriptions, never its profile.
bool touchesOnlySubscriptions(const ict::domain::AuditRecord& record) {
    const std::string type = ict::domain::asciiLower(ict::domain::trimAscii(record.resourceType));
    return type == "subscription" || type == "order";
}

} // namespace

namespace ict::domain {

RefreshPlan planRefresh(const std::optional<TimePoint>& lastMassUpdate, TimePoint now,
                        const std::vector<AuditRecord>& records) {
    RefreshPlan plan;
    plan.kind = RefreshKind::Full;
    if (!lastMassUpdate) {
        plan.reason = "No mass Get Hierarchy has completed for this instance yet, so a full Get "
                      "Hierarchy runs.";
        return plan;
    }
    if (*lastMassUpdate > now) {
        plan.reason = "The last update " + formatIsoUtc(*lastMassUpdate) +
                      " is later than now, so a full Get Hierarchy runs.";
        return plan;
    }
    if (now - *lastMassUpdate >= std::chrono::hours(24 * kAuditRetentionDays)) {
        plan.reason = "Audit records cover only the last 90 days; the last update was " +
                      formatIsoUtc(*lastMassUpdate) + ", so a full Get Hierarchy runs.";
        return plan;
    }

    std::set<std::string> tenantIds;
    std::set<std::string> customerReads;
    for (const AuditRecord& record : records) {
        const std::string id = asciiLower(trimAscii(record.customerId));
        if (id.empty())
            continue;
        const std::optional<TimePoint> at = parseIsoUtc(trimAscii(record.operationDate));
        if (at && *at < *lastMassUpdate)
            continue;
        tenantIds.insert(id);
        if (!touchesOnlySubscriptions(record))
            customerReads.insert(id);
    }
    plan.kind = RefreshKind::Incremental;
    plan.tenantIds.assign(tenantIds.begin(), tenantIds.end());
    plan.customerReads.assign(customerReads.begin(), customerReads.end());
    return plan;
}

} // namespace ict::domain
