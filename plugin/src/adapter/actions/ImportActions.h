#pragma once
/// Actions of the import ([S1], [S13], [B1], [B5], [B8], [B9]). A selection is
/// {"instanceId", "tenants":[{"tenantId","resellerMpnId"}] or "all":true,
///  "billingPolicy": "full_current_period" (default) | "prorated_from_import" | "next_renewal"}.

#include "adapter/ActionTable.h"

namespace ict::adapter {

/// <selection> -> {ok, tokenValid, problems:[{tenantId, subscriptionId, message}], summary}
std::string importPreflight(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body);

/// <selection> -> {runId, dryRun:true, billingPolicy, summary, direct:[Tenant],
///                 resellers:[{mpnId, name, tenants:[Tenant]}]}; nothing written.
std::string importDryRun(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                         const Poco::JSON::Object& body);

/// <selection> -> {jobId, runId}
std::string startImport(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body);

/// {"runId"} -> {runId, dryRun:false, state, user, startedAt, finishedAt, billingPolicy, summary,
///               direct, resellers}
std::string importResults(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// {"runId"} -> {filename, contentType:"text/csv", csv}
std::string importResultsCsv(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                             const Poco::JSON::Object& body);

} // namespace ict::adapter
