#include "domain/PlanImportStep.h"

namespace apm::domain {

PlanImportStep planImportOf(const PlanRow& row) {
    PlanImportStep step;
    if (row.sync == SyncStatus::ImportCustomerFirst) {
        step.skipReason = "The tenant " + row.plan.customerTenantId +
                          " has no BSS account: import the customer with the Import Customers "
                          "Tool first.";
        return step;
    }
    step.createPlan = row.sync == SyncStatus::New;
    for (const AzureSubscriptionRow& azure : row.azureSubscriptions)
        if (azure.sync == SyncStatus::New)
            step.createAzureSubscriptions.push_back(azure.azureSubscription);
    return step;
}

} // namespace apm::domain
