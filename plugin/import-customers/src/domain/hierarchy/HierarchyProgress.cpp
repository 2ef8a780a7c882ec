#include "domain/hierarchy/HierarchyProgress.h"

#include <algorithm>

namespace ict::domain {

std::optional<double> estimateRemainingSeconds(const HierarchyProgress& progress) {
    if (!progress.resellersTotal || !progress.tenantsTotal)
        return std::nullopt;
    const std::int64_t total = std::max<std::int64_t>(0, *progress.resellersTotal) +
                               std::max<std::int64_t>(0, *progress.tenantsTotal);
    const std::int64_t done =
        std::clamp<std::int64_t>(progress.resellersFetched, 0,
                                 std::max<std::int64_t>(0, *progress.resellersTotal)) +
        std::clamp<std::int64_t>(progress.tenantsFetched, 0,
                                 std::max<std::int64_t>(0, *progress.tenantsTotal));
    if (done >= total)
        return 0.0;
    if (done == 0 || progress.elapsedSeconds <= 0.0)
        return std::nullopt;
    return progress.elapsedSeconds * static_cast<double>(total - done) / static_cast<double>(done);
}

} // namespace ict::domain
