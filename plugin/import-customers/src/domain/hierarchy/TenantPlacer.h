#pragma once
/// Places one customer at a time into its tenant rows ([S3], [S12]) and keeps only what the end of
/// a Get Hierarchy needs: the resellers (every relationship, and each reseller id seen on a
/// subscription) and the distinct partner ids. A streamed Get Hierarchy writes each customer's
/// rows as its subscriptions arrive, so memory does not grow with the tenants placed.
/// buildHierarchy() documents the placement rules; HierarchyAssembler collects the rows.
///
/// Pure; not thread-safe (callers that place from several threads serialize the calls). Never
/// throws except std::bad_alloc.

#include "domain/hierarchy/ResellerRow.h"
#include "domain/hierarchy/TenantRow.h"
#include "domain/partner/Customer.h"
#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ict::domain {

class TenantPlacer {
public:
    /// `relationships`: the provider's reseller relationships (empty on a direct instance).
    /// `directCapable`: see HierarchyInput::directCapable.
    TenantPlacer(const std::vector<Reseller>& relationships, bool directCapable);

    /// The rows of `customer`: a Direct row of its subscriptions without a partner id, one
    /// EndCustomer row per reseller of the others (each with only that reseller's subscriptions,
    /// in Partner Center's order, moved in; an Unset kind is classified), or, without any
    /// subscription, one row under the reseller its associatedPartnerId names, else Direct or
    /// Unassigned. Empty when the customer's tenant id is empty. Tenant ids are lower-cased.
    std::vector<TenantRow> place(const Customer& customer, std::vector<Subscription> subscriptions);

    /// The distinct trimmed partner ids of the subscriptions placed so far, sorted.
    std::vector<std::string> partnerIds() const;

    /// Every reseller known so far (endCustomers left empty), named by its relationship, else by
    /// `mpnProfiles`, else unknownResellerName(), ordered by mpnId.
    std::vector<ResellerRow> resellers(const std::vector<Reseller>& mpnProfiles) const;

private:
    std::map<std::string, ResellerRow> _resellers; ///< By mpnId; endCustomers always empty.
    std::map<std::string, std::string> _mpnIdByResellerTenant;
    std::set<std::string> _partnerIds;
    bool _directCapable;
};

} // namespace ict::domain
