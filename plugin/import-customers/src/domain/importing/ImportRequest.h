#pragma once
/// Everything planImport() needs: the selection, the BSS catalog, the billing policy, the date.

#include "domain/billing/BillingPolicy.h"
#include "domain/common/CivilDate.h"
#include "domain/importing/BssCatalog.h"
#include "domain/importing/TenantSelection.h"

#include <vector>

namespace ict::domain {

struct ImportRequest {
    std::vector<TenantSelection> tenants;
    BssCatalog catalog;
    BillingPolicy policy = BillingPolicy::Unset;
    CivilDate importDate; ///< UTC date of the run.
};

} // namespace ict::domain
