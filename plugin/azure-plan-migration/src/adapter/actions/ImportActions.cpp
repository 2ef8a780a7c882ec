#include "adapter/actions/ImportActions.h"

#include "adapter/JsonIo.h"
#include "application/UsableInstance.h"

#include <Poco/JSON/Array.h>

namespace apm::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using ict::adapter::countWithin;
using ict::adapter::optionalBool;
using ict::adapter::optionalCount;
using ict::adapter::optionalString;
using ict::adapter::requiredInt;
using ict::adapter::requiredString;
using ict::adapter::storedJson;
using ict::adapter::toJson;

namespace {

Poco::JSON::Object::Ptr runJson(const storage::RunRecord& run) {
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("seq", run.seq);
    out->set("runId", run.runId);
    out->set("instanceId", run.instanceId);
    out->set("kind", run.kind);
    out->set("state", run.state);
    out->set("user", run.userLogin);
    out->set("startedAt", run.startedAt);
    out->set("finishedAt",
             run.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(run.finishedAt));
    out->set("summary", storedJson(run.summaryJson));
    out->set("error", run.error);
    return out;
}

} // namespace

storage::RunRecord requireRun(ApmRuntime& runtime, const bss::sdk::CallContext& caller,
                              const Poco::JSON::Object& body) {
    const std::string runId = requiredString(body, "runId");
    const auto run = runtime.runs.find(caller.organization.id, runId);
    if (!run)
        throw ToolError(ErrorCode::NotFound, "No run '" + runId + "' in this organization.",
                        "runId");
    return *run;
}

std::string importPreflight(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body) {
    const application::Preflight found =
        runtime.imports.preflight(request.caller, requiredInt(body, "instanceId"));
    Poco::JSON::Object result;
    result.set("ready", found.problems.empty());
    if (found.scan) {
        Poco::JSON::Object::Ptr scan = new Poco::JSON::Object;
        scan->set("runId", found.scan->runId);
        scan->set("scannedAt", found.scan->scannedAt);
        result.set("scan", scan);
    } else {
        result.set("scan", Poco::Dynamic::Var());
    }
    Poco::JSON::Array::Ptr problems = new Poco::JSON::Array;
    for (const std::string& problem : found.problems)
        problems->add(problem);
    result.set("problems", problems);
    Poco::JSON::Array::Ptr products = new Poco::JSON::Array;
    for (const auto& [offer, product] : found.products) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("offerId", offer);
        item->set("productId", product.productId);
        item->set("productName", product.productName);
        item->set("sku", product.sku);
        item->set("billingPlanId", product.usageBillingPlanId);
        products->add(item);
    }
    result.set("products", products);
    return toJson(result);
}

std::string startImport(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body) {
    application::ImportOptions options;
    options.dryRun = optionalBool(body, "dryRun");
    options.customerTenantId = optionalString(body, "customerTenantId").value_or("");
    const auto started =
        runtime.imports.start(request.caller, requiredInt(body, "instanceId"), options);
    Poco::JSON::Object result;
    result.set("jobId", started.jobId);
    result.set("runId", started.runId);
    return toJson(result);
}

std::string importResults(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body) {
    const storage::RunRecord run = requireRun(runtime, request.caller, body);
    const std::string& runId = run.runId;
    const std::size_t limit = countWithin(body, "limit", 200, 1000);
    const auto afterSeq = static_cast<std::int64_t>(optionalCount(body, "afterSeq", 0));
    std::vector<storage::ResultRecord> lines = runtime.runs.results(runId, afterSeq, limit + 1);
    const bool more = lines.size() > limit;
    if (more)
        lines.pop_back();
    Poco::JSON::Array::Ptr results = new Poco::JSON::Array;
    for (const storage::ResultRecord& line : lines) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("seq", line.seq);
        item->set("customerTenantId", line.customerTenantId);
        item->set("planSubscriptionId", line.planSubscriptionId);
        item->set("azureSubscriptionId", line.azureSubscriptionId);
        item->set("outcome", line.outcome);
        item->set("detail", line.detail);
        item->set("bssSubscriptionId", line.bssSubscriptionId);
        results->add(item);
    }
    Poco::JSON::Object result;
    result.set("run", runJson(run));
    result.set("results", results);
    result.set("nextAfterSeq", more ? Poco::Dynamic::Var(lines.back().seq) : Poco::Dynamic::Var());
    return toJson(result);
}

std::string listRuns(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                     const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = ict::application::usableInstance(
        runtime.services, request.caller, requiredInt(body, "instanceId"));
    const std::string kind = optionalString(body, "kind").value_or("");
    if (!kind.empty() && kind != "scan" && kind != "dry-run" && kind != "import")
        throw ToolError(ErrorCode::InvalidInput,
                        "Field 'kind' is '" + kind + "'; expected scan, dry-run or import.",
                        "kind");
    Poco::JSON::Array::Ptr runs = new Poco::JSON::Array;
    for (const storage::RunRecord& run :
         runtime.runs.recent(request.caller.organization.id, instance.id, kind,
                             countWithin(body, "limit", 20, 100)))
        runs->add(runJson(run));
    Poco::JSON::Object result;
    result.set("runs", runs);
    return toJson(result);
}

std::string auditTrail(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body) {
    Poco::JSON::Array::Ptr entries = new Poco::JSON::Array;
    for (const storage::AuditRecord& entry : runtime.runs.auditTrail(
             request.caller.organization.id, countWithin(body, "limit", 50, 500))) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("id", entry.id);
        item->set("user", entry.userLogin);
        item->set("instanceId", entry.instanceId);
        item->set("action", entry.action);
        item->set("runId", entry.runId);
        item->set("outcome", entry.outcome);
        item->set("detail", entry.detail);
        item->set("at", entry.at);
        entries->add(item);
    }
    Poco::JSON::Object result;
    result.set("entries", entries);
    return toJson(result);
}

} // namespace apm::adapter
