#pragma once
/// What the next Get Hierarchy of an instance fetches ([B4]): all tenants, or only some.

#include "domain/hierarchy/RefreshKind.h"

#include <string>
#include <vector>

namespace ict::domain {

struct RefreshPlan {
    RefreshKind kind = RefreshKind::Unset;
    std::string reason;                 ///< Why Full; empty for Incremental.
    std::vector<std::string> tenantIds; ///< Incremental only: lower case, distinct, sorted.
};

} // namespace ict::domain
