#pragma once
/// An indirect reseller of an indirect provider (a PartnerRelationship of type
/// is_indirect_cloud_solution_provider_of, or an MPN profile found by id).

#include <string>

namespace ict::domain {

struct Reseller {
    std::string
        tenantId; ///< Relationship "id": the reseller's tenant id; empty from an MPN look-up.
    std::string name;
    std::string mpnId; ///< "mpnId" (or "partnerId" in newer docs); joins Subscription::partnerId.
    std::string state; ///< e.g. "Active".
    std::string location; ///< Country, e.g. "US".
};

} // namespace ict::domain
