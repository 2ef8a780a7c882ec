#include "application/PlanScanService.h"

#include "application/PlanCrawler.h"
#include "application/RecordedRun.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"
#include "gateway/GatewayError.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace apm::application {

namespace {

/// How many failed customers a summary names (the count is always whole).
constexpr std::size_t kFailuresShown = 20;

struct ScanProgress {
    std::size_t customers = 0;
    std::size_t plans = 0;
    std::size_t requests = 0;
    std::vector<CustomerFailure> failures;
    std::size_t failed = 0;

    std::string json(const char* phase) const {
        std::ostringstream out;
        out << "{\"phase\":\"" << phase << "\",\"customers\":" << customers
            << ",\"plans\":" << plans << ",\"failedCustomers\":" << failed << "}";
        return out.str();
    }
};

std::string summaryJson(const std::string& runId, const ScanProgress& progress,
                        const storage::PlanCounts& counts) {
    Poco::JSON::Object summary;
    summary.set("runId", runId);
    summary.set("customers", progress.customers);
    summary.set("requests", progress.requests);
    setPlanCounts(summary, counts);
    summary.set("failedCustomers", progress.failed);
    Poco::JSON::Array::Ptr failures = new Poco::JSON::Array;
    for (const CustomerFailure& failure : progress.failures) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("customerTenantId", failure.customerTenantId);
        item->set("error", failure.error);
        failures->add(item);
    }
    summary.set("failures", failures);
    std::ostringstream out;
    summary.stringify(out);
    return out.str();
}

} // namespace

void setPlanCounts(Poco::JSON::Object& into, const storage::PlanCounts& counts) {
    into.set("plans", counts.plans);
    into.set("importCustomerFirst", counts.importCustomerFirst);
    into.set("newPlans", counts.newPlans);
    into.set("syncedPlans", counts.synced);
    into.set("azureSubscriptions", counts.azureSubscriptions);
    into.set("newAzureSubscriptions", counts.newAzureSubscriptions);
}

PlanScanService::PlanScanService(bss::sdk::HostServices& services,
                                 ict::application::InstanceClients& clients, int threads,
                                 ict::application::LeaseIdentity identity)
    : _services(services), _clients(clients), _threads(threads), _identity(std::move(identity)),
      _plans(services.database()), _runs(services.database()), _holdings(services.database()) {}

StartedRun PlanScanService::start(const bss::sdk::CallContext& caller, std::int64_t instanceId) {
    const bss::sdk::InstanceInfo instance =
        ict::application::usableInstance(_services, caller, instanceId);
    const std::string runId = newRunId();
    const bss::sdk::CallContext who = caller;
    const std::string jobId = ict::application::startLeasedJob(
        _services, caller, instanceId, "scan", runId, _identity,
        [this, who, instance, runId](bss::sdk::JobControl& job,
                                     ict::application::RunLeaseKeeper& lease) {
            return runRecorded(_services, _runs, runRecordOf(who, instance, "scan", runId),
                               instance.name,
                               {[&] { return scan(job, lease, who, instance, runId); },
                                [&] { _plans.discard(runId); }});
        });
    return {jobId, runId};
}

std::string PlanScanService::scan(bss::sdk::JobControl& job,
                                  ict::application::RunLeaseKeeper& lease,
                                  const bss::sdk::CallContext& caller,
                                  const bss::sdk::InstanceInfo& instance,
                                  const std::string& runId) {
    auto client = _clients.clientFor(caller.organization, instance.id);
    const ict::gateway::RequestContext context{runId, [&job] { return job.cancelRequested(); }};
    ScanProgress progress;
    job.reportProgress(progress.json("reading"));
    client->forEachCustomerPage(context, [&](const std::vector<ict::domain::Customer>& page) {
        CrawledPage crawled = crawlPlans(*client, context, page, _threads);
        std::vector<std::string> tenants;
        for (const auto& plan : crawled.plans)
            tenants.push_back(plan.customerTenantId);
        const auto held = _holdings.holdings(caller.organization.id, tenants);
        std::vector<domain::PlanRow> rows;
        for (auto& plan : crawled.plans) {
            const domain::BssHoldings& holdings = held.at(plan.customerTenantId);
            rows.push_back(domain::syncPlan(std::move(plan), holdings));
        }
        _plans.writeScanRows(runId, rows);
        progress.customers += page.size();
        progress.plans += rows.size();
        progress.requests += crawled.requests + 1;
        progress.failed += crawled.failures.size();
        for (auto& failure : crawled.failures)
            if (progress.failures.size() < kFailuresShown)
                progress.failures.push_back(std::move(failure));
        job.reportProgress(progress.json("reading"));
    });
    if (job.cancelRequested())
        throw ict::gateway::GatewayError::cancelled("scan");
    _plans.promote(caller.organization.id, instance.id, runId,
                   ict::domain::formatIsoUtc(_services.clock().now()),
                   [&lease](Poco::Data::Session& session) { lease.fence(session); });
    return summaryJson(runId, progress, _plans.counts(runId));
}

} // namespace apm::application
