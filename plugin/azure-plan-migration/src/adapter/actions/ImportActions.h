#pragma once
/// Actions about imports and the record of runs.

#include "adapter/ApmActionTable.h"

namespace apm::adapter {

/// The run `body.runId` names, if it is the caller's organization's; throws
/// ToolError(InvalidInput / NotFound, "runId") otherwise.
storage::RunRecord requireRun(ApmRuntime& runtime, const bss::sdk::CallContext& caller,
                              const Poco::JSON::Object& body);

/// {"instanceId"} -> {"ready", "scan": {runId, scannedAt} | null, "problems": [text],
///  "products": [{offerId, productId, productName, sku, billingPlanId}]}
std::string importPreflight(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body);

/// {"instanceId", "dryRun"?: bool, "customerTenantId"?} -> {"jobId", "runId"}
std::string startImport(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body);

/// {"runId", "afterSeq"?: n, "limit"?: 1..1000} -> {"run": {...}, "results": [...], "next"}
std::string importResults(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// {"instanceId", "kind"?: "scan"|"dry-run"|"import", "limit"?: 1..100} -> {"runs": [...]}
std::string listRuns(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                     const Poco::JSON::Object& body);

/// {"limit"?: 1..500} -> {"entries": [...]}
std::string auditTrail(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body);

} // namespace apm::adapter
