#pragma once
/// An indirect reseller in the saved hierarchy with its end customers ([S12]). Resellers are not
/// imported themselves; their end customers are imported under the reseller's BSS account.

#include "domain/hierarchy/ResellerNameSource.h"
#include "domain/hierarchy/TenantRow.h"

#include <string>
#include <vector>

namespace ict::domain {

struct ResellerRow {
    std::string mpnId;    ///< Joins Subscription::partnerId; the reseller's key in the hierarchy.
    std::string tenantId; ///< The reseller's tenant id when the relationship gave it; else empty.
    std::string name;     ///< Display name; see nameSource.
    ResellerNameSource nameSource = ResellerNameSource::Unset;
    /// Tenants with at least one subscription carrying this mpnId (each row holding only those
    /// subscriptions), plus subscription-less tenants whose associatedPartnerId is this
    /// reseller's tenant id. Ordered like Hierarchy::directTenants.
    std::vector<TenantRow> endCustomers;
};

} // namespace ict::domain
