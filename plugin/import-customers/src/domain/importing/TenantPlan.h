#pragma once
/// The plan for one tenant: account, reseller, and subscriptions in creation order.

#include "domain/importing/AccountAction.h"
#include "domain/importing/ResellerAction.h"
#include "domain/importing/SubscriptionAction.h"
#include "domain/importing/TenantSelection.h"

#include <string>
#include <vector>

namespace ict::domain {

struct TenantPlan {
    std::string tenantId;
    std::string companyName;
    std::string primaryDomain;
    Seller seller;
    AccountAction account;
    ResellerAction reseller;
    /// Bases before their add-ons; otherwise in Partner Center's order.
    std::vector<SubscriptionAction> subscriptions;
    /// Why the tenant cannot be imported at all (then every subscription fails); empty when fine.
    std::string tenantProblem;
};

} // namespace ict::domain
