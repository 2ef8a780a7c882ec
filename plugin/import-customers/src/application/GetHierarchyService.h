#pragma once
/// Get Hierarchy ([S6]-[S10], [B3], [B4]): starts a host job that reads Partner Center through the
/// instance's client and saves what it read, by the unit of its mode (MassRefresh,
/// IncrementalRefresh, SingleTenantRefresh). A failed, cancelled or interrupted run leaves the
/// saved hierarchy and Last Update as they were; every run leaves a run record and an audit trail
/// entry.
///
/// One run of an organization's instance at a time, across hosts: start() takes the instance's
/// lease (see LeasedJob.h) before the job is submitted. Thread-safe: start() may be called from
/// several request threads.

#include "application/GetHierarchyRequest.h"
#include "application/InstanceClients.h"
#include "application/LeasedJob.h"
#include "storage/RunRepository.h"

#include <bss/sdk/HostServices.h>

#include <string>

namespace ict::application {

class GetHierarchyService {
public:
    /// `parallelism`: customers read at once (the client still bounds requests in flight).
    GetHierarchyService(bss::sdk::HostServices& services, InstanceClients& clients, int parallelism,
                        LeaseIdentity identity);

    /// Checks the caller may use the instance, takes its lease, then submits the run as a job of
    /// kind "get-hierarchy" and subject instanceJobSubject(). Returns the job id. Throws
    /// ToolError: NotFound (instance not usable), Conflict (a run or an import of the instance is
    /// going on, on any host: since when, by whom).
    std::string start(const bss::sdk::CallContext& caller, const GetHierarchyRequest& request);

private:
    /// The job's body. Returns the result JSON; throws ToolError on failure (nothing saved).
    std::string run(const bss::sdk::CallContext& caller, const GetHierarchyRequest& request,
                    const std::string& runId, bss::sdk::JobControl& job, RunLeaseKeeper& lease);

    bss::sdk::HostServices& _services;
    InstanceClients& _clients;
    int _parallelism;
    LeaseIdentity _identity;
    storage::RunRepository _runs;
};

/// The [S9] message for an instance that is not authenticated or whose authentication expired.
std::string notAuthenticatedMessage(const std::string& instanceName, const std::string& code);

} // namespace ict::application
