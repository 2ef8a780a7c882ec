#pragma once
// Shared inputs for the placement tests (HierarchyBuilder, HierarchyAssembler, TenantPlacer):
// customers, subscriptions and resellers as Partner Center describes them, and a row's
// subscription ids.

#include "domain/hierarchy/TenantRow.h"
#include "domain/partner/Customer.h"
#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"

#include <string>
#include <vector>

namespace placementfixtures {

using namespace ict::domain;

inline Customer customer(const std::string& id, const std::string& name,
                         const std::string& associated = "") {
    Customer c;
    c.tenantId = id;
    c.companyName = name;
    c.primaryDomain = name + ".onmicrosoft.com";
    c.associatedPartnerId = associated;
    return c;
}

/// An active NCE subscription of `tenant`, sold by `partnerId` ("" = the partner itself).
inline Subscription subscription(const std::string& id, const std::string& tenant,
                                 const std::string& partnerId) {
    Subscription s;
    s.id = id;
    s.customerTenantId = tenant;
    s.partnerId = partnerId;
    s.productTypeId = "OnlineServicesNCE";
    s.offerId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    s.status = "active";
    return s;
}

inline Reseller reseller(const std::string& mpnId, const std::string& name,
                         const std::string& tenantId = "") {
    Reseller r;
    r.mpnId = mpnId;
    r.name = name;
    r.tenantId = tenantId;
    return r;
}

/// The ids of a row's subscriptions, in its order.
inline std::vector<std::string> ids(const TenantRow& row) {
    std::vector<std::string> out;
    for (const SubscriptionRow& s : row.subscriptions)
        out.push_back(s.subscription.id);
    return out;
}

} // namespace placementfixtures
