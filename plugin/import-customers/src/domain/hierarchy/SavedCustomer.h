#pragma once
/// The customer record a saved hierarchy already holds for a tenant, so an incremental refresh
/// of a tenant whose audit records only touched subscriptions costs no customer read ([B4]).
/// Pure.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/partner/Customer.h"

#include <optional>
#include <string>

namespace ict::domain {

/// The customer of `tenantId` (lower case) as `saved` records it: tenant id, company name and
/// primary domain of its first row (direct, then end-customer, then unassigned rows); the
/// associatedPartnerId is the reseller's tenant id when the tenant was saved as a
/// subscription-less end customer of a reseller whose tenant id is known (the only case
/// buildHierarchy() reads it), else empty. relationshipToPartner is not saved and is left empty.
/// Nullopt when no row of `saved` has that tenant.
std::optional<Customer> savedCustomer(const Hierarchy& saved, const std::string& tenantId);

} // namespace ict::domain
