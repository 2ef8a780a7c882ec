#pragma once
/// What a Get Hierarchy is asked to do, validated before any Partner Center call ([S6], [S7]).

#include <cstdint>
#include <string>

namespace ict::application {

enum class HierarchyMode {
    Unset = 0,
    Mass,         ///< "mass": every tenant of the instance (the default).
    SingleTenant, ///< "single" with a tenant id: that tenant only.
    SingleDomain, ///< "single" with a primary domain: that tenant only.
    Incremental,  ///< "incremental": the tenants Partner Center's audit records name ([B4]).
};

struct GetHierarchyRequest {
    std::int64_t instanceId = 0;
    HierarchyMode mode = HierarchyMode::Mass;
    std::string tenantId; ///< SingleTenant: validated, lower case.
    std::string domain;   ///< SingleDomain: validated, lower case.

    /// "mass", "single tenant <id>", "single domain <domain>", "incremental".
    std::string describe() const;
};

} // namespace ict::application
