#include "application/PlanImportService.h"

#include "application/RecordedRun.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"
#include "gateway/GatewayError.h"

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>

#include <sstream>

namespace apm::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace {

struct ImportTally {
    std::size_t plans = 0;
    std::map<std::string, std::size_t> outcomes; ///< By outcome name, plan and Azure lines alike.

    std::string progressJson() const {
        std::ostringstream out;
        out << "{\"phase\":\"importing\",\"plans\":" << plans;
        for (const auto& [outcome, count] : outcomes)
            out << ",\"" << outcome << "\":" << count;
        out << "}";
        return out.str();
    }
};

std::string summaryJson(const std::string& runId, const std::string& scanRunId, bool dryRun,
                        const ImportTally& tally) {
    Poco::JSON::Object summary;
    summary.set("runId", runId);
    summary.set("scanRunId", scanRunId);
    summary.set("dryRun", dryRun);
    summary.set("plans", tally.plans);
    Poco::JSON::Object::Ptr outcomes = new Poco::JSON::Object;
    for (const char* name : {"created", "would_create", "already_held", "skipped", "failed"}) {
        const auto found = tally.outcomes.find(name);
        outcomes->set(name, found == tally.outcomes.end() ? 0 : found->second);
    }
    summary.set("outcomes", outcomes);
    std::ostringstream out;
    summary.stringify(out);
    return out.str();
}

std::string noProductMessage(const std::string& offerId) {
    return "No BSS product sells the Azure plan offer " + offerId +
           ": add one with that offer id (or its product:sku part " +
           storage::productSkuPart(offerId) +
           ") and a monthly usage_in_arrears billing plan, then run again.";
}

} // namespace

PlanImportService::PlanImportService(bss::sdk::HostServices& services, std::size_t batchPlans,
                                     ict::application::LeaseIdentity identity)
    : _services(services), _batchPlans(batchPlans), _identity(std::move(identity)),
      _plans(services.database()), _runs(services.database()), _holdings(services.database()),
      _products(services.database()), _writer(services.database()) {}

Preflight PlanImportService::preflight(const bss::sdk::CallContext& caller,
                                       std::int64_t instanceId) {
    return preflightOf(caller, ict::application::usableInstance(_services, caller, instanceId));
}

Preflight PlanImportService::preflightOf(const bss::sdk::CallContext& caller,
                                         const bss::sdk::InstanceInfo& instance) {
    Preflight found;
    found.scan = _plans.state(caller.organization.id, instance.id);
    if (!found.scan) {
        found.problems.push_back("The instance '" + instance.name +
                                 "' has not been scanned: run a scan first.");
        return found;
    }
    for (const std::string& offer : _plans.offersNotInStep(found.scan->runId)) {
        const auto product = _products.productFor(caller.organization.id, offer);
        if (!product)
            found.problems.push_back(noProductMessage(offer));
        else if (product->usageBillingPlanId == 0)
            found.problems.push_back("The product '" + product->productName + "' (" + product->sku +
                                     ") sells the Azure plan offer " + offer +
                                     " but has no monthly usage_in_arrears billing plan: add one.");
        else
            found.products[offer] = *product;
    }
    return found;
}

StartedRun PlanImportService::start(const bss::sdk::CallContext& caller, std::int64_t instanceId,
                                    const ImportOptions& options) {
    const bss::sdk::InstanceInfo instance =
        ict::application::usableInstance(_services, caller, instanceId);
    const Preflight checked = preflightOf(caller, instance);
    if (!checked.problems.empty()) {
        std::string message = "The import cannot start:";
        for (const std::string& problem : checked.problems)
            message += " " + problem;
        throw ToolError(ErrorCode::InvalidInput, message, "instanceId");
    }
    const std::string runId = newRunId();
    const bss::sdk::CallContext who = caller;
    const std::string kind = options.dryRun ? "dry-run" : "import";
    const std::string jobId = ict::application::startLeasedJob(
        _services, caller, instanceId, kind, runId, _identity,
        [this, who, instance, checked, options, runId,
         kind](bss::sdk::JobControl& job, ict::application::RunLeaseKeeper& lease) {
            return runRecorded(
                _services, _runs, runRecordOf(who, instance, kind, runId), instance.name,
                {[&] { return importPlans(job, lease, who, checked, options, runId); }, {}});
        });
    return {jobId, runId};
}

std::string PlanImportService::importPlans(bss::sdk::JobControl& job,
                                           ict::application::RunLeaseKeeper& lease,
                                           const bss::sdk::CallContext& caller,
                                           const Preflight& preflight, const ImportOptions& options,
                                           const std::string& runId) {
    const std::string scanRunId = preflight.scan->runId;
    storage::PlanFilter filter;
    filter.notInStep = true;
    filter.customerTenantId = options.customerTenantId;
    storage::PlanKey after;
    ImportTally tally;
    std::int64_t nextSeq = 1;
    for (;;) {
        if (job.cancelRequested())
            throw ict::gateway::GatewayError::cancelled("import");
        std::vector<domain::PlanRow> saved =
            _plans.plansAfter(scanRunId, after, filter, _batchPlans);
        if (saved.empty())
            break;
        after = {saved.back().plan.customerTenantId, saved.back().plan.planSubscriptionId};
        std::vector<std::string> tenants;
        for (const domain::PlanRow& row : saved)
            tenants.push_back(row.plan.customerTenantId);
        const auto held = _holdings.holdings(caller.organization.id, tenants);
        storage::ImportBatch batch;
        batch.runId = runId;
        batch.scanRunId = scanRunId;
        batch.createdByImport = "azure-plan-migration:" + runId;
        batch.createdAt = ict::domain::formatIsoUtc(_services.clock().now());
        batch.dryRun = options.dryRun;
        for (const domain::PlanRow& row : saved) {
            storage::ImportItem item;
            item.row = domain::resyncPlan(row, held.at(row.plan.customerTenantId));
            item.step = domain::planImportOf(item.row);
            const auto product = preflight.products.find(row.plan.offerId);
            if (product != preflight.products.end())
                item.product = product->second;
            else if (!item.step.createsNothing() && item.step.skipReason.empty())
                // The scan saw this plan held; since then its customer was imported or its plan
                // removed from the BSS, and no product sells its offer.
                item.step = {false, {}, noProductMessage(row.plan.offerId)};
            batch.items.push_back(std::move(item));
        }
        for (const storage::ResultRecord& result : _writer.writeBatch(
                 batch, nextSeq, [&lease](Poco::Data::Session& session) { lease.fence(session); }))
            ++tally.outcomes[result.outcome];
        tally.plans += saved.size();
        job.reportProgress(tally.progressJson());
    }
    return summaryJson(runId, scanRunId, options.dryRun, tally);
}

} // namespace apm::application
