#pragma once
/// Groups a plan's tenants the way results are shown ([S12], peers.md 1.4): direct tenants, and
/// indirect resellers each with their end customers.

#include "domain/importing/ImportPlan.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ict::domain {

struct ResellerGroup {
    std::string mpnId;
    std::string name;
    std::vector<std::size_t> tenantIndexes; ///< Into ImportPlan::tenants, in plan order.
};

struct PlanGrouping {
    std::vector<std::size_t> directTenants; ///< Into ImportPlan::tenants, in plan order.
    std::vector<ResellerGroup> resellers;   ///< By MPN id (case-insensitive), first-seen order.
};

PlanGrouping groupPlan(const ImportPlan& plan);

} // namespace ict::domain
