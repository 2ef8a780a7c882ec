#include "adapter/actions/ScanActions.h"

#include "adapter/InstanceJson.h"
#include "adapter/JsonIo.h"
#include "adapter/ToolLink.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"

#include <Poco/JSON/Array.h>

namespace apm::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using ict::adapter::countWithin;
using ict::adapter::optionalBool;
using ict::adapter::optionalString;
using ict::adapter::requiredInt;
using ict::adapter::toJson;

namespace {

constexpr std::size_t kDefaultLimit = 50;
constexpr std::size_t kMaxLimit = 200;

Poco::JSON::Object::Ptr planJson(const domain::PlanRow& row) {
    Poco::JSON::Object::Ptr plan = new Poco::JSON::Object;
    plan->set("customerTenantId", row.plan.customerTenantId);
    plan->set("customerName", row.plan.customerName);
    plan->set("planSubscriptionId", row.plan.planSubscriptionId);
    plan->set("offerId", row.plan.offerId);
    plan->set("friendlyName", row.plan.friendlyName);
    plan->set("status", row.plan.status);
    plan->set("sync", std::string(domain::syncStatusName(row.sync)));
    plan->set("accountId", row.accountId);
    plan->set("newAzureSubscriptions", row.newAzureSubscriptions());
    Poco::JSON::Array::Ptr azure = new Poco::JSON::Array;
    for (const domain::AzureSubscriptionRow& child : row.azureSubscriptions) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("azureSubscriptionId", child.azureSubscription.id);
        item->set("friendlyName", child.azureSubscription.friendlyName);
        item->set("status", child.azureSubscription.status);
        item->set("sync", std::string(domain::syncStatusName(child.sync)));
        azure->add(item);
    }
    plan->set("azureSubscriptions", azure);
    return plan;
}

storage::PlanFilter filterOf(const Poco::JSON::Object& body) {
    storage::PlanFilter filter;
    if (const auto sync = optionalString(body, "sync"); sync && !sync->empty()) {
        filter.sync = domain::parseSyncStatus(*sync);
        if (!filter.sync)
            throw ToolError(ErrorCode::InvalidInput,
                            "Field 'sync' is '" + *sync +
                                "'; expected new, synced or import_customer_first.",
                            "sync");
    }
    filter.customerTenantId = optionalString(body, "customerTenantId").value_or("");
    filter.notInStep = optionalBool(body, "notInStep");
    return filter;
}

storage::PlanKey afterOf(const Poco::JSON::Object& body) {
    storage::PlanKey key;
    if (!body.has("after") || body.get("after").isEmpty())
        return key;
    const Poco::JSON::Object::Ptr after = body.getObject("after");
    if (!after)
        throw ToolError(ErrorCode::InvalidInput,
                        "Field 'after' must be an object {customerTenantId, planSubscriptionId}.",
                        "after");
    key.customerTenantId = optionalString(*after, "customerTenantId").value_or("");
    key.planSubscriptionId = optionalString(*after, "planSubscriptionId").value_or("");
    return key;
}

} // namespace

std::string listInstances(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object&) {
    const auto now = runtime.services.clock().now();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const bss::sdk::InstanceInfo& info :
         runtime.services.instances().instancesFor(request.caller.organization)) {
        Poco::JSON::Object::Ptr item = ict::adapter::instanceJson(info, now);
        if (const auto scan = runtime.plans.state(request.caller.organization.id, info.id))
            item->set("scannedAt", scan->scannedAt);
        items->add(item);
    }
    Poco::JSON::Object result;
    result.set("instances", items);
    return toJson(result);
}

std::string startScan(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    const auto started = runtime.scans.start(request.caller, requiredInt(body, "instanceId"));
    Poco::JSON::Object result;
    result.set("jobId", started.jobId);
    result.set("runId", started.runId);
    return toJson(result);
}

std::string listPlans(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = ict::application::usableInstance(
        runtime.services, request.caller, requiredInt(body, "instanceId"));
    const storage::PlanFilter filter = filterOf(body);
    const storage::PlanKey after = afterOf(body);
    const std::size_t limit = countWithin(body, "limit", kDefaultLimit, kMaxLimit);
    Poco::JSON::Object result;
    result.set("instanceId", instance.id);
    result.set("importCustomersTool", ict::adapter::toolLink(runtime.services, request.caller,
                                                             ict::adapter::kImportCustomersToolId));
    Poco::JSON::Array::Ptr plans = new Poco::JSON::Array;
    const auto scan = runtime.plans.state(request.caller.organization.id, instance.id);
    if (!scan) {
        result.set("scan", Poco::Dynamic::Var());
        result.set("plans", plans);
        result.set("next", Poco::Dynamic::Var());
        return toJson(result);
    }
    Poco::JSON::Object::Ptr scanJson = new Poco::JSON::Object;
    scanJson->set("runId", scan->runId);
    scanJson->set("scannedAt", scan->scannedAt);
    result.set("scan", scanJson);
    Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
    application::setPlanCounts(*counts, runtime.plans.counts(scan->runId));
    result.set("counts", counts);
    // One more than asked tells whether a next page exists.
    std::vector<domain::PlanRow> rows =
        runtime.plans.plansAfter(scan->runId, after, filter, limit + 1);
    const bool more = rows.size() > limit;
    if (more)
        rows.pop_back();
    for (const domain::PlanRow& row : rows)
        plans->add(planJson(row));
    result.set("plans", plans);
    if (more) {
        Poco::JSON::Object::Ptr next = new Poco::JSON::Object;
        next->set("customerTenantId", rows.back().plan.customerTenantId);
        next->set("planSubscriptionId", rows.back().plan.planSubscriptionId);
        result.set("next", next);
    } else {
        result.set("next", Poco::Dynamic::Var());
    }
    return toJson(result);
}

} // namespace apm::adapter
