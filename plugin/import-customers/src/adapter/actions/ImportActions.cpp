#include "adapter/actions/ImportActions.h"

#include "adapter/JsonIo.h"
#include "adapter/ToolLink.h"
#include "domain/common/CsvWriter.h"
#include "domain/importing/ImportOutcomeCsv.h"
#include "domain/importing/ImportSummary.h"
#include "domain/importing/OutcomeSummary.h"
#include "domain/validation/TenantIdValidator.h"
#include "storage/ImportOutcomeJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <map>

namespace ict::adapter {

using application::ImportSelection;
using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using namespace ict::domain;

namespace {

ImportSelection selectionOf(const Poco::JSON::Object& body) {
    ImportSelection selection;
    selection.instanceId = requiredInt(body, "instanceId");
    const std::string policy =
        optionalString(body, "billingPolicy").value_or("full_current_period");
    const std::optional<BillingPolicy> parsed = parseBillingPolicy(policy);
    if (!parsed)
        throw ToolError(ErrorCode::InvalidInput,
                        "Field 'billingPolicy' must be 'full_current_period', "
                        "'prorated_from_import' or 'next_renewal', not '" +
                            policy + "'.",
                        "billingPolicy");
    selection.policy = *parsed;
    selection.all = body.has("all") && body.get("all").type() == typeid(bool) &&
                    body.get("all").extract<bool>();
    if (!selection.all) {
        Poco::JSON::Array::Ptr tenants = body.getArray("tenants");
        if (!tenants || tenants->size() == 0)
            throw ToolError(ErrorCode::InvalidInput,
                            "Select at least one tenant ('tenants'), or import all importable "
                            "tenants ('all': true).",
                            "tenants");
        for (std::size_t i = 0; i < tenants->size(); ++i) {
            Poco::JSON::Object::Ptr item = tenants->getObject(static_cast<unsigned>(i));
            const std::string field = "tenants[" + std::to_string(i) + "]";
            if (!item)
                throw ToolError(ErrorCode::InvalidInput,
                                "Field '" + field + "' must be an object with 'tenantId'.", field);
            const ValidatedInput id =
                validateTenantId(optionalString(*item, "tenantId").value_or(""));
            if (!id.ok())
                throw ToolError(ErrorCode::InvalidInput, id.error, field + ".tenantId");
            selection.rows.push_back(
                {id.value, optionalString(*item, "resellerMpnId").value_or("")});
        }
    }
    return selection;
}

Poco::JSON::Object::Ptr outcomeSummaryJson(const OutcomeSummary& summary) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("tenants", static_cast<Poco::Int64>(summary.tenants));
    json->set("accountsCreated", static_cast<Poco::Int64>(summary.accountsCreated));
    json->set("accountsExisting", static_cast<Poco::Int64>(summary.accountsExisting));
    json->set("accountsFailed", static_cast<Poco::Int64>(summary.accountsFailed));
    json->set("subscriptionsCreated", static_cast<Poco::Int64>(summary.subscriptionsCreated));
    json->set("subscriptionsAdded", static_cast<Poco::Int64>(summary.subscriptionsAdded));
    json->set("subscriptionsSkipped", static_cast<Poco::Int64>(summary.subscriptionsSkipped));
    json->set("subscriptionsFailed", static_cast<Poco::Int64>(summary.subscriptionsFailed));
    return json;
}

/// Direct tenants, then each reseller with its end customers (first-seen order) ([S12], [S13]).
void setGroups(Poco::JSON::Object& result, const std::vector<TenantOutcome>& tenants) {
    Poco::JSON::Array::Ptr direct = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr resellers = new Poco::JSON::Array;
    std::map<std::string, Poco::JSON::Array::Ptr> byReseller;
    for (const TenantOutcome& tenant : tenants) {
        if (tenant.resellerMpnId.empty()) {
            direct->add(storage::tenantOutcomeToJson(tenant));
            continue;
        }
        Poco::JSON::Array::Ptr& group = byReseller[tenant.resellerMpnId];
        if (!group) {
            group = new Poco::JSON::Array;
            Poco::JSON::Object::Ptr reseller = new Poco::JSON::Object;
            reseller->set("mpnId", tenant.resellerMpnId);
            reseller->set("name", tenant.resellerName);
            reseller->set("tenants", group);
            resellers->add(reseller);
        }
        group->add(storage::tenantOutcomeToJson(tenant));
    }
    result.set("direct", direct);
    result.set("resellers", resellers);
}

void setOutcome(Poco::JSON::Object& result, const ImportRunOutcome& outcome) {
    result.set("runId", outcome.runId);
    result.set("dryRun", outcome.dryRun);
    result.set("billingPolicy", std::string(billingPolicyName(outcome.policy)));
    result.set("startedAt", outcome.startedAt);
    if (!outcome.finishedAt.empty())
        result.set("finishedAt", outcome.finishedAt);
    result.set("summary", outcomeSummaryJson(summarizeOutcomes(outcome.tenants)));
    setGroups(result, outcome.tenants);
}

std::string requiredRunId(const Poco::JSON::Object& body) {
    return requiredString(body, "runId");
}

} // namespace

std::string importPreflight(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body) {
    const ImportSelection selection = selectionOf(body);
    const application::PreflightOutcome preflight =
        runtime.importing.preflight(request.caller, selection);
    const PreflightReport& report = preflight.report;
    Poco::JSON::Object result;
    result.set("ok", report.ok());
    result.set("tokenValid", report.tokenValid);
    Poco::JSON::Array::Ptr problems = new Poco::JSON::Array;
    for (const PreflightProblem& problem : report.problems) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("tenantId", problem.tenantId);
        item->set("companyName", problem.companyName);
        item->set("subscriptionId", problem.msSubscriptionId);
        item->set("message", problem.message);
        problems->add(item);
    }
    result.set("problems", problems);
    result.set("problemsTotal", static_cast<Poco::Int64>(report.problemsTotal));
    const ImportSummary& summary = preflight.summary;
    Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
    counts->set("tenants", static_cast<Poco::Int64>(summary.tenants));
    counts->set("accountsToCreate", static_cast<Poco::Int64>(summary.accountsToCreate));
    counts->set("existingAccounts", static_cast<Poco::Int64>(summary.existingAccounts));
    counts->set("resellersToCreate", static_cast<Poco::Int64>(summary.resellersToCreate));
    counts->set("subscriptionsToCreate", static_cast<Poco::Int64>(summary.subscriptionsToCreate));
    counts->set("subscriptionsToSkip", static_cast<Poco::Int64>(summary.subscriptionsToSkip));
    counts->set("subscriptionsToFail", static_cast<Poco::Int64>(summary.subscriptionsToFail));
    result.set("summary", counts);
    return toJson(result);
}

std::string importDryRun(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                         const Poco::JSON::Object& body) {
    const auto [jobId, runId] = runtime.importing.startDryRun(request.caller, selectionOf(body));
    Poco::JSON::Object result;
    result.set("jobId", jobId);
    result.set("runId", runId);
    result.set("dryRun", true);
    return toJson(result);
}

std::string startImport(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body) {
    const auto [jobId, runId] = runtime.importing.start(request.caller, selectionOf(body));
    Poco::JSON::Object result;
    result.set("jobId", jobId);
    result.set("runId", runId);
    return toJson(result);
}

std::string importResults(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body) {
    const std::size_t offset = optionalCount(body, "offset", 0);
    const std::size_t limit = optionalCount(body, "limit", 200);
    if (limit == 0 || limit > 1000)
        throw ToolError(
            ErrorCode::InvalidInput,
            "Field 'limit' must be from 1 to 1000, not '" + std::to_string(limit) + "'.", "limit");
    const application::ImportResults results =
        runtime.importing.results(request.caller, requiredRunId(body), offset, limit);
    Poco::JSON::Object result;
    setOutcome(result, results.outcome);
    // The run's counts, not the page's: the page holds at most `limit` tenants.
    result.set("summary", Poco::JSON::Parser().parse(results.run.summary));
    result.set("total", static_cast<Poco::Int64>(results.total));
    result.set("offset", static_cast<Poco::Int64>(offset));
    result.set("limit", static_cast<Poco::Int64>(limit));
    result.set("azurePlanTool",
               toolLink(runtime.services, request.caller, kAzurePlanMigrationToolId));
    result.set("state", results.run.state);
    result.set("user", results.run.userLogin);
    result.set("instanceId", results.run.instanceId);
    result.set("selection", results.run.scope);
    result.set("message", results.run.message);
    return toJson(result);
}

void streamImportResultsCsv(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                            const Poco::JSON::Object& body, bss::sdk::ResponseStream& out) {
    const std::string runId = requiredRunId(body);
    const bool dryRun = runtime.importing.visibleRun(request.caller, runId).kind == "dry_run";
    out.begin("text/csv; charset=utf-8", "import-results-" + runId + ".csv");
    if (!out.write(csvRecord(importOutcomeHeader())))
        return;
    runtime.importing.forEachResult(request.caller, runId, [&](const TenantOutcome& tenant) {
        std::string records;
        for (const std::vector<std::string>& row : importOutcomeRows(runId, dryRun, tenant))
            records += csvRecord(row);
        return out.write(records);
    });
}

} // namespace ict::adapter
