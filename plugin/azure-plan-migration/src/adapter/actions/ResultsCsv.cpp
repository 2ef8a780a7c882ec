#include "adapter/actions/ResultsCsv.h"

#include "adapter/actions/ImportActions.h"
#include "domain/common/CsvWriter.h"

namespace apm::adapter {

namespace {

constexpr std::size_t kLinesPerWrite = 1000;

} // namespace

void streamResultsCsv(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body, bss::sdk::ResponseStream& out) {
    const storage::RunRecord run = requireRun(runtime, request.caller, body);
    const std::string& runId = run.runId;
    out.begin("text/csv; charset=utf-8", "azure-plan-results-" + runId + ".csv");
    if (!out.write(ict::domain::csvRecord({"run_id", "kind", "customer_tenant_id",
                                           "azure_plan_subscription_id", "azure_subscription_id",
                                           "outcome", "detail", "bss_subscription_id"})))
        return;
    for (std::int64_t after = 0;;) {
        const std::vector<storage::ResultRecord> lines =
            runtime.runs.results(runId, after, kLinesPerWrite);
        if (lines.empty())
            return;
        std::string records;
        for (const storage::ResultRecord& line : lines)
            records += ict::domain::csvRecord(
                {runId, run.kind, line.customerTenantId, line.planSubscriptionId,
                 line.azureSubscriptionId, line.outcome, line.detail,
                 line.bssSubscriptionId ? std::to_string(line.bssSubscriptionId) : ""});
        if (!out.write(records))
            return;
        after = lines.back().seq;
    }
}

} // namespace apm::adapter
