#pragma once
/// What an import creates for one Azure plan row, and nothing else: the plan as a BSS
/// subscription of the tenant's account when the account does not hold it, and each Azure
/// subscription the account does not hold, under the plan. Existing rows are never changed. A
/// tenant without a BSS account gets a skip reason instead. Pure.

#include "domain/AzurePlanSync.h"

#include <string>
#include <vector>

namespace apm::domain {

struct PlanImportStep {
    bool createPlan = false;
    std::vector<ict::domain::AzureEntitlement> createAzureSubscriptions;
    std::string skipReason; ///< Non-empty when the row cannot be imported yet.

    bool createsNothing() const { return !createPlan && createAzureSubscriptions.empty(); }
};

PlanImportStep planImportOf(const PlanRow& row);

} // namespace apm::domain
