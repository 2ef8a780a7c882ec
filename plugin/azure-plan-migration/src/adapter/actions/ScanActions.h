#pragma once
/// Actions about instances and their scanned Azure plans.

#include "adapter/ApmActionTable.h"

namespace apm::adapter {

/// {} -> {"instances":[{...adapter/InstanceJson.h, scannedAt?}]}
std::string listInstances(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// {"instanceId"} -> {"jobId", "runId"}
std::string startScan(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body);

/// {"instanceId", "sync"?: "new"|"synced"|"import_customer_first", "customerTenantId"?,
///  "notInStep"?: bool, "after"?: {"customerTenantId","planSubscriptionId"}, "limit"?: 1..200}
/// -> {"scan": {runId, scannedAt} | null, "counts": {...}, "importCustomersTool": {enabled,
///  displayName, menuPath}, "plans": [{..., "azureSubscriptions": [...]}], "next": key | null}
std::string listPlans(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body);

} // namespace apm::adapter
