#pragma once
/// Where a tenant row sits in the hierarchy ([S12]).
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class TenantPlacement {
    Unset = 0,
    Direct,      ///< "direct": Tier 1; the row holds the subscriptions with no partnerId.
    EndCustomer, ///< "end_customer": Tier 2; the row holds one reseller's subscriptions.
    Unassigned,  ///< "unassigned": no subscriptions and no known reseller on an indirect-only
                 ///< instance.
};

/// The stable name; "unset" for Unset.
const char* tenantPlacementName(TenantPlacement value);

/// The value of a stable name; Unset for any other text.
TenantPlacement parseTenantPlacement(const std::string& name);

} // namespace ict::domain
