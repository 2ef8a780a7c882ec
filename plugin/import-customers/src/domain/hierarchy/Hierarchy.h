#pragma once
/// What Get Hierarchy saves for an instance: direct tenants, resellers with their end customers,
/// and tenants that belong nowhere yet. Plain data; see buildHierarchy() for how it is formed and
/// sortHierarchy() for its canonical order.

#include "domain/hierarchy/ResellerRow.h"
#include "domain/hierarchy/TenantRow.h"

#include <vector>

namespace ict::domain {

struct Hierarchy {
    std::vector<TenantRow> directTenants;     ///< placement Direct.
    std::vector<ResellerRow> resellers;       ///< Each with its end customers (EndCustomer rows).
    std::vector<TenantRow> unassignedTenants; ///< placement Unassigned.
};

} // namespace ict::domain
