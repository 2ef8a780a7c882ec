#pragma once
/// Actions of the import ([S1], [S13], [B1], [B5], [B8], [B9]). A selection is
/// {"instanceId", "tenants":[{"tenantId","resellerMpnId"}] or "all":true,
///  "billingPolicy": "full_current_period" (default) | "prorated_from_import" | "next_renewal"}.

#include "adapter/ActionTable.h"

namespace ict::adapter {

/// <selection> -> {ok, tokenValid, problems:[{tenantId, companyName, subscriptionId, message}]
///                 (the first 1,000), problemsTotal, summary}
std::string importPreflight(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body);

/// <selection> -> {jobId, runId, dryRun:true}: a job computes the whole import, writing nothing
/// but its results (read them with import-results, runId).
std::string importDryRun(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                         const Poco::JSON::Object& body);

/// <selection> -> {jobId, runId}
std::string startImport(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body);

/// {"runId", "offset"?, "limit"? (1..1000, default 200)} -> {runId, dryRun, state, user,
///   startedAt, finishedAt, billingPolicy, summary (the whole run's), total, offset, limit,
///   direct:[Tenant], resellers:[{mpnId, name, tenants:[Tenant]}]} (the page's tenants)
std::string importResults(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// Streamed: {"runId"} -> the run's results as CSV (text/csv), a tenant at a time.
void streamImportResultsCsv(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body, bss::sdk::ResponseStream& out);

} // namespace ict::adapter
