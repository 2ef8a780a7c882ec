#pragma once
/// What an import of a selection would do ([B1] dry run): produced by planImport(), then written
/// by the import job or shown as is. Plain data.

#include "domain/billing/BillingPolicy.h"
#include "domain/common/CivilDate.h"
#include "domain/importing/TenantPlan.h"

#include <vector>

namespace ict::domain {

struct ImportPlan {
    BillingPolicy policy = BillingPolicy::Unset;
    CivilDate importDate;
    std::vector<TenantPlan> tenants; ///< In the selection's order.
};

} // namespace ict::domain
