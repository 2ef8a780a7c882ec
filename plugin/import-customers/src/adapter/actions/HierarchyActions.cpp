#include "adapter/actions/HierarchyActions.h"

#include "adapter/HierarchyJson.h"
#include "adapter/JsonIo.h"
#include "adapter/ToolLink.h"
#include "adapter/actions/InstanceActions.h"
#include "domain/validation/DomainNameValidator.h"
#include "domain/validation/TenantIdValidator.h"

#include <Poco/JSON/Array.h>

namespace ict::adapter {

using application::GetHierarchyRequest;
using application::HierarchyMode;
using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace {

std::string validTenantId(const std::string& text) {
    const domain::ValidatedInput input = domain::validateTenantId(text);
    if (!input.ok())
        throw ToolError(ErrorCode::InvalidInput, input.error, "tenantId");
    return input.value;
}

std::string validDomain(const std::string& text) {
    const domain::ValidatedInput input = domain::validatePrimaryDomain(text);
    if (!input.ok())
        throw ToolError(ErrorCode::InvalidInput, input.error, "domain");
    return input.value;
}

} // namespace

std::string startGetHierarchy(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                              const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = requireInstance(runtime, request.caller, body);
    GetHierarchyRequest run;
    run.instanceId = instance.id;
    const std::string mode = optionalString(body, "mode").value_or("mass");
    if (mode == "mass") {
        run.mode = HierarchyMode::Mass;
    } else if (mode == "incremental") {
        run.mode = HierarchyMode::Incremental;
    } else if (mode == "single") {
        const auto tenantId = optionalString(body, "tenantId");
        const auto domainName = optionalString(body, "domain");
        const auto either = optionalString(body, "tenantOrDomain");
        if (tenantId) {
            run.mode = HierarchyMode::SingleTenant;
            run.tenantId = validTenantId(*tenantId);
        } else if (domainName) {
            run.mode = HierarchyMode::SingleDomain;
            run.domain = validDomain(*domainName);
        } else if (either) {
            // One field on the page takes both: a GUID is a tenant id, anything else a domain.
            if (domain::isGuid(domain::validateTenantId(*either).value)) {
                run.mode = HierarchyMode::SingleTenant;
                run.tenantId = validTenantId(*either);
            } else {
                run.mode = HierarchyMode::SingleDomain;
                run.domain = validDomain(*either);
            }
        } else {
            throw ToolError(ErrorCode::InvalidInput,
                            "A single update needs a Tenant ID or a Primary Domain.",
                            "tenantOrDomain");
        }
    } else {
        throw ToolError(
            ErrorCode::InvalidInput,
            "Field 'mode' must be 'mass', 'single' or 'incremental', not '" + mode + "'.", "mode");
    }
    Poco::JSON::Object result;
    result.set("jobId", runtime.getHierarchy.start(request.caller, run));
    result.set("mode", run.describe());
    return toJson(result);
}

std::string listTenants(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                        const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = requireInstance(runtime, request.caller, body);
    storage::TenantQuery query;
    query.name = optionalString(body, "name").value_or("");
    query.domain = optionalString(body, "domain").value_or("");
    query.tenantId = optionalString(body, "tenantId").value_or("");
    query.status = optionalString(body, "status").value_or("");
    query.placement = optionalString(body, "type").value_or("");
    query.resellerMpnId = optionalString(body, "resellerMpnId").value_or("");
    query.subscriptionKind = optionalString(body, "subscriptionType").value_or("");
    query.importableOnly = optionalBool(body, "importableOnly");
    const std::string sort = optionalString(body, "sort").value_or("name");
    query.sort = storage::parseTenantSort(sort);
    if (query.sort == storage::TenantSort::Unset)
        throw ToolError(ErrorCode::InvalidInput, "Field 'sort' cannot be '" + sort + "'.", "sort");
    query.descending = optionalBool(body, "descending");
    query.offset = optionalCount(body, "offset", 0);
    query.limit = optionalCount(body, "limit", 50);
    if (query.limit == 0 || query.limit > 500)
        throw ToolError(ErrorCode::InvalidInput,
                        "Field 'limit' must be from 1 to 500, not '" + std::to_string(query.limit) +
                            "'.",
                        "limit");

    const storage::HierarchyKey key{request.caller.organization.id, instance.id};
    const storage::TenantPage page = runtime.hierarchyQuery.tenants(key, query);
    const auto state = runtime.hierarchy.state(key);
    Poco::JSON::Object result;
    result.set("total", static_cast<Poco::Int64>(page.total));
    result.set("offset", static_cast<Poco::Int64>(query.offset));
    result.set("limit", static_cast<Poco::Int64>(query.limit));
    result.set("savedAt", state ? Poco::Dynamic::Var(state->savedAt) : Poco::Dynamic::Var());
    result.set("lastMassUpdateAt", state && state->lastMassUpdateAt
                                       ? Poco::Dynamic::Var(*state->lastMassUpdateAt)
                                       : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const storage::TenantListRow& row : page.rows)
        rows->add(tenantJson(row));
    result.set("rows", rows);
    return toJson(result);
}

std::string listResellers(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = requireInstance(runtime, request.caller, body);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const storage::ResellerSummary& reseller :
         runtime.hierarchyQuery.resellers({request.caller.organization.id, instance.id}))
        items->add(resellerJson(reseller));
    Poco::JSON::Object result;
    result.set("resellers", items);
    return toJson(result);
}

std::string listSubscriptions(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                              const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = requireInstance(runtime, request.caller, body);
    const std::string tenantId = validTenantId(optionalString(body, "tenantId").value_or(""));
    const std::string reseller = optionalString(body, "resellerMpnId").value_or("");
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const domain::SubscriptionRow& row : runtime.hierarchyQuery.subscriptions(
             {request.caller.organization.id, instance.id}, tenantId, reseller))
        items->add(subscriptionJson(row));
    Poco::JSON::Object result;
    result.set("tenantId", tenantId);
    result.set("resellerMpnId", reseller);
    result.set("subscriptions", items);
    // Azure plan rows point at the tool that brings them in, when the organization has it.
    result.set("azurePlanTool",
               toolLink(runtime.services, request.caller, kAzurePlanMigrationToolId));
    return toJson(result);
}

std::string listRuns(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                     const Poco::JSON::Object& body) {
    std::optional<std::int64_t> instanceId;
    if (body.has("instanceId"))
        instanceId = requireInstance(runtime, request.caller, body).id;
    const std::string kind = optionalString(body, "kind").value_or("get_hierarchy");
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const storage::RunRecord& run :
         runtime.runs.recent(request.caller.organization.id, instanceId, kind, 50))
        items->add(runJson(run));
    Poco::JSON::Object result;
    result.set("runs", items);
    return toJson(result);
}

std::string auditTrail(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body) {
    const std::size_t limit = optionalCount(body, "limit", 100);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const storage::AuditTrailEntry& entry : runtime.runs.auditTrail(
             request.caller.organization.id, std::min<std::size_t>(limit, 1000)))
        items->add(auditEntryJson(entry));
    Poco::JSON::Object result;
    result.set("entries", items);
    return toJson(result);
}

} // namespace ict::adapter
