#pragma once
/// Folds a partial Get Hierarchy (incremental refresh [B4], or a single update [S7]) into the
/// previously saved hierarchy. Pure.

#include "domain/hierarchy/Hierarchy.h"

#include <string>
#include <vector>

namespace ict::domain {

/// The previous hierarchy with every row (direct, end customer under any reseller, unassigned)
/// of each tenant in `refetchedTenantIds` or in `refreshed` removed, then every row of
/// `refreshed` added. A refetched tenant absent from `refreshed` no longer exists and is gone.
/// Resellers are matched by mpnId: a reseller new in `refreshed` is added; a known one takes the
/// refreshed name and tenant id unless the refreshed name is only a Placeholder and the previous
/// one is not. Resellers left without end customers stay listed. Tenant ids compare
/// case-insensitively. Rows keep their audit fields as they were: re-run auditHierarchy() on the
/// result. The result is in sortHierarchy() order.
Hierarchy mergeTenants(const Hierarchy& previous, const Hierarchy& refreshed,
                       const std::vector<std::string>& refetchedTenantIds);

/// The reseller list after a partial refresh: `saved` with each reseller of `refreshed` merged in
/// by mpnId under mergeTenants()'s rule (a new one is added; a known one takes the refreshed name
/// and tenant id unless the refreshed name is only a Placeholder and the saved one is not).
/// Resellers only in `saved` stay. endCustomers are left as they are in `saved` (empty for new
/// ones). Ordered by mpnId.
std::vector<ResellerRow> mergeResellers(std::vector<ResellerRow> saved,
                                        const std::vector<ResellerRow>& refreshed);

/// mergeTenants(previous, refreshed, {tenantId}): the single update of one tenant, whose rows in
/// `refreshed` may be empty when Partner Center no longer has it.
Hierarchy mergeSingleTenant(const Hierarchy& previous, const std::string& tenantId,
                            const Hierarchy& refreshed);

} // namespace ict::domain
