#pragma once
/// Forms a whole hierarchy one customer at a time ([S3], [S12]): TenantPlacer's rows, collected.
/// buildHierarchy() is this class fed from a HierarchyInput; the placement rules are documented
/// there. A streamed Get Hierarchy uses TenantPlacer alone and writes each customer's rows as they
/// come; this class serves what is small (a single update, tests).
///
/// Pure; not thread-safe (callers that add from several threads serialize the calls). Never
/// throws except std::bad_alloc.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/hierarchy/TenantPlacer.h"
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
    bool _directCapable;
    TenantPlacer _placer;
    std::set<std::string> _placed;
    std::map<std::string, std::vector<TenantRow>> _endCustomers; ///< By reseller mpnId.
    Hierarchy _hierarchy; ///< Direct and unassigned rows so far.
};

} // namespace ict::domain
