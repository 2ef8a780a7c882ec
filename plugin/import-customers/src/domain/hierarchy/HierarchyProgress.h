#pragma once
/// How far a running Get Hierarchy is ([S8]: progress is shown while it runs), and the estimate
/// of the time it still needs. Plain value; the job updates it and the page polls it.

#include <cstdint>
#include <optional>

namespace ict::domain {

struct HierarchyProgress {
    std::int64_t resellersFetched = 0;              ///< Resellers whose customers are listed.
    std::optional<std::int64_t> resellersTotal;     ///< Known once the relationships are read.
    std::int64_t tenantsFetched = 0;                ///< Tenants whose subscriptions are read.
    std::optional<std::int64_t> tenantsTotal;       ///< Known once the customer list is read.
    std::int64_t subscriptionsFetched = 0;          ///< Subscriptions read so far (no total).
    std::int64_t requestsMade = 0;                  ///< Partner Center requests, retries included.
    double elapsedSeconds = 0.0;                    ///< Since the job started.
    std::optional<double> remainingSecondsEstimate; ///< estimateRemainingSeconds() of the above.
};

/// Seconds still needed at the rate so far: the work is one unit per reseller and per tenant
/// (each costs about one listing request); remaining = elapsed * (total - done) / done.
/// Empty when a total is unknown (an instance without resellers reports resellersTotal 0), when
/// nothing is done yet or no time has passed. 0 when all is done. Never negative: counts above
/// their totals are taken as done.
std::optional<double> estimateRemainingSeconds(const HierarchyProgress& progress);

} // namespace ict::domain
