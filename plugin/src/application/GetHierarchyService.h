#pragma once
/// Get Hierarchy ([S6]-[S10], [B3], [B4]): starts a host job that reads Partner Center through the
/// instance's client, forms the hierarchy and audits it (domain), and saves it (storage) in one
/// transaction. A failed or cancelled run leaves the saved hierarchy and Last Update as they were;
/// every run leaves a run record and an audit trail entry.
///
/// Thread-safe: start() may be called from several request threads; the host's JobService allows
/// one run per organization and instance at a time.

#include "application/GetHierarchyRequest.h"
#include "application/InstanceClients.h"
#include "storage/BssAccountRepository.h"
#include "storage/HierarchyRepository.h"
#include "storage/RunRepository.h"

#include <bss/sdk/HostServices.h>

#include <string>

namespace ict::application {

class GetHierarchyService {
public:
    /// Parallel customers read at once; the client still bounds requests in flight.
    GetHierarchyService(bss::sdk::HostServices& services, InstanceClients& clients,
                        int parallelism);

    /// Checks the caller may use the instance, then submits the run as a job of kind
    /// "get-hierarchy" and subject instanceJobSubject(). Returns the job id. Throws ToolError:
    /// NotFound (instance not usable), Conflict (a run or an import of the instance is going on:
    /// since when, by whom).
    std::string start(const bss::sdk::CallContext& caller, const GetHierarchyRequest& request);

    /// The job's body, public so the command line and tests can run it on their own thread.
    /// Returns the result JSON; throws ToolError on failure (nothing saved).
    std::string run(const bss::sdk::CallContext& caller, const GetHierarchyRequest& request,
                    bss::sdk::JobControl& job);

private:
    bss::sdk::HostServices& _services;
    InstanceClients& _clients;
    int _parallelism;
    storage::HierarchyRepository _hierarchy;
    storage::BssAccountRepository _accounts;
    storage::RunRepository _runs;
};

/// The [S9] message for an instance that is not authenticated or whose authentication expired.
std::string notAuthenticatedMessage(const std::string& instanceName, const std::string& code);

} // namespace ict::application
