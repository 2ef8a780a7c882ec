#pragma once
/// Actions of Get Hierarchy and of browsing the saved hierarchy ([S6]-[S12], [B4], [B8]).

#include "adapter/ActionTable.h"

namespace ict::adapter {

/// {"instanceId", "mode": "mass"|"single"|"incremental" (default mass),
///  single: "tenantId" or "domain" or "tenantOrDomain"} -> {"jobId"}. Validated before any call.
std::string startGetHierarchy(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                              const Poco::JSON::Object& body);

/// {"instanceId", filters "name", "domain", "tenantId", "status", "type", "resellerMpnId",
///  "subscriptionType", "importableOnly", "sort", "descending", "offset", "limit"}
/// -> {"total", "offset", "limit", "savedAt", "lastMassUpdateAt", "rows":[...]}
std::string listTenants(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body);

/// {"instanceId"} -> {"resellers":[{mpnId, name, endCustomers, ...}]}
std::string listResellers(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// {"instanceId", "tenantId", "resellerMpnId" (default "")} -> {"subscriptions":[...]}
std::string listSubscriptions(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                              const Poco::JSON::Object& body);

/// {"instanceId"?, "kind"? ("get_hierarchy" default, or "import")} -> {"runs":[...]}
std::string listRuns(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                     const Poco::JSON::Object& body);

/// {} -> {"entries":[...]} newest first.
std::string auditTrail(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body);

} // namespace ict::adapter
