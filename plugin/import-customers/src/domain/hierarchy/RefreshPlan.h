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
    /// Incremental only: the part of tenantIds whose customer record (name, domain, reseller
    /// association) may have changed, so it must be read again; same order. The others' records
    /// only touched subscriptions or orders, and their saved customer record may be reused.
    std::vector<std::string> customerReads;
};

} // namespace ict::domain
