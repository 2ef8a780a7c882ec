#pragma once
/// Scan: which Azure plans an instance's customers hold in Partner Center, with their Azure
/// subscriptions, and what the BSS holds of them. Runs as a job of the caller's organization (one
/// per instance at a time, the host's job subject). Reads the customers page by page, and for
/// each page crawls its plans (PlanCrawler), reads the page's BSS holdings, and writes the page's
/// rows under the run's id: memory holds one page, whatever the instance's size. One run of this
/// tool per organization's instance across every host: the instance's lease (apm_run_leases) is
/// taken before the job starts and fences the final swap. When the scan
/// completes, its rows become the instance's list in one transaction; a failed or cancelled scan
/// leaves the previous list as it was.

#include "storage/BssHoldingsReader.h"
#include "storage/PlanStore.h"
#include "storage/RunStore.h"

#include "application/InstanceClients.h"
#include "application/LeasedJob.h"

#include <bss/sdk/HostServices.h>

#include <Poco/JSON/Object.h>

#include <string>

namespace apm::application {

struct StartedRun {
    std::string jobId;
    std::string runId;
};

/// Writes `counts` into `into` as plans, importCustomerFirst, newPlans, syncedPlans,
/// azureSubscriptions, newAzureSubscriptions (a scan's result and the list's counts alike).
void setPlanCounts(Poco::JSON::Object& into, const storage::PlanCounts& counts);

class PlanScanService {
public:
    PlanScanService(bss::sdk::HostServices& services, ict::application::InstanceClients& clients,
                    int threads, ict::application::LeaseIdentity identity);

    /// Submits the scan of `instanceId` for `caller`. Throws ToolError(NotFound) when the caller
    /// may not use the instance, ToolError(Conflict) when a run of this tool holds it (on any
    /// host).
    StartedRun start(const bss::sdk::CallContext& caller, std::int64_t instanceId);

private:
    std::string scan(bss::sdk::JobControl& job, ict::application::RunLeaseKeeper& lease,
                     const bss::sdk::CallContext& caller, const bss::sdk::InstanceInfo& instance,
                     const std::string& runId);

    bss::sdk::HostServices& _services;
    ict::application::InstanceClients& _clients;
    int _threads;
    ict::application::LeaseIdentity _identity;
    storage::PlanStore _plans;
    storage::RunStore _runs;
    storage::BssHoldingsReader _holdings;
};

} // namespace apm::application
