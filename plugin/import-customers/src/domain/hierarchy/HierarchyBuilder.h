#pragma once
/// Forms the hierarchy from what was fetched ([S3], [S12]). Pure; thread-compatible; never throws
/// except std::bad_alloc.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/hierarchy/HierarchyInput.h"

#include <string>

namespace ict::domain {

/// Places every customer of `input`:
///  - its subscriptions with an empty partnerId form a Direct row;
///  - its subscriptions with a partnerId form one EndCustomer row under that reseller each; so a
///    tenant with direct and indirect subscriptions is both direct and an end customer, and a
///    tenant bought through two resellers is under both, each row with only that seller's
///    subscriptions;
///  - a tenant with no subscriptions at all goes under the reseller whose relationship tenantId
///    equals its associatedPartnerId when there is one; otherwise among the direct tenants when
///    the instance is directCapable, else among the unassigned tenants (an indirect-only
///    provider cannot sell it directly, and no reseller is known: it is shown, not importable).
/// Subscriptions with a partnerId are placed under their reseller even on a direct-only
/// instance: the data wins over the configuration.
/// Resellers: every relationship with an mpnId is listed (even without end customers); one only
/// seen on subscriptions is added. Names come from the relationship, else from `mpnProfiles`,
/// else unknownResellerName(). Tenant ids are lower-cased; a subscription whose kind is Unset is
/// classified. Audit fields are left at their defaults (see auditHierarchy()). The result is in
/// sortHierarchy() order.
Hierarchy buildHierarchy(const HierarchyInput& input);

/// "Unknown reseller (MPN <mpnId>)".
std::string unknownResellerName(const std::string& mpnId);

} // namespace ict::domain
