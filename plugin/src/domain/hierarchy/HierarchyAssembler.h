#pragma once
/// Forms the hierarchy one customer at a time ([S3], [S12]), so a crawl can place each tenant as
/// its subscriptions arrive instead of holding every subscription and then a placed copy of
/// each (a 10,000-tenant run holds ~51,500 subscriptions). buildHierarchy() is this class fed
/// from a HierarchyInput; the placement rules are documented there.
///
/// Pure; not thread-safe (callers that add from several threads serialize the calls). Never
/// throws except std::bad_alloc.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/partner/Customer.h"
#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ict::domain {

class HierarchyAssembler {
public:
    /// `relationships`: the provider's reseller relationships (empty on a direct instance).
    /// `directCapable`: see HierarchyInput::directCapable.
    HierarchyAssembler(const std::vector<Reseller>& relationships, bool directCapable);

    /// Places `customer` with its subscriptions (moved into the rows; their kind is classified
    /// when Unset), keeping their order. A customer with an empty tenant id, or whose tenant is
    /// already placed, is ignored (the first one added wins).
    void add(const Customer& customer, std::vector<Subscription> subscriptions);

    /// The distinct trimmed partner ids of the subscriptions added so far, sorted.
    std::vector<std::string> partnerIds() const;

    /// Names the resellers (relationship, else `mpnProfiles`, else unknownResellerName()),
    /// returns the hierarchy in sortHierarchy() order and leaves the assembler empty.
    Hierarchy finish(const std::vector<Reseller>& mpnProfiles);

private:
    std::map<std::string, ResellerRow> _resellers; ///< By mpnId.
    std::map<std::string, std::string> _mpnIdByResellerTenant;
    std::set<std::string> _placed;
    std::set<std::string> _partnerIds;
    bool _directCapable;
    Hierarchy _hierarchy; ///< Direct and unassigned rows so far; resellers are in _resellers.
};

} // namespace ict::domain
