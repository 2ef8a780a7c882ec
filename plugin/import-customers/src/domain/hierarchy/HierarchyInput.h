#pragma once
/// Everything Get Hierarchy fetched from Partner Center for one instance (or for one tenant, in a
/// single update or an incremental refresh), as buildHierarchy() takes it.

#include "domain/partner/Customer.h"
#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"

#include <vector>

namespace ict::domain {

struct HierarchyInput {
    std::vector<Customer> customers; ///< The tenants to place.
    /// Their subscriptions, all statuses; Subscription::customerTenantId says whose (compared
    /// case-insensitively). Subscriptions of a tenant not in `customers` are ignored.
    std::vector<Subscription> subscriptions;
    /// The provider's reseller relationships (name, mpnId, tenantId); empty on a direct instance.
    std::vector<Reseller> relationships;
    /// MPN profiles found by the fallback look-up (mpnId, name) for the ids that
    /// resellerIdsNeedingLookup() returned.
    std::vector<Reseller> mpnProfiles;
    /// True when the instance does direct (Tier 1) business: CSP model "direct" or "both".
    bool directCapable = true;
};

} // namespace ict::domain
