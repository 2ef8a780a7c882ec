#pragma once
/// Starting a job that writes an organization's data of an instance (Get Hierarchy, import, an
/// Azure plan scan or import): the instance's lease is taken first, across every host on the
/// database (RunLeaseKeeper; a second start anywhere gets Conflict at once), then the job is
/// submitted to the host under the instance's subject. The lease lives as long as the job's work:
/// it is given back when the work returns or throws, or when the host drops the queued job.

#include "application/RunLeaseKeeper.h"

#include <bss/sdk/HostServices.h>

#include <functional>
#include <string>

namespace ict::application {

/// Who this tool is as a lease holder, where its leases are, and how long they last.
struct LeaseIdentity {
    std::string holder; ///< storage::leaseHolderName() of this process's tool.
    LeaseTiming timing;
    LeaseTable table;
};

using LeasedWork = std::function<std::string(bss::sdk::JobControl&, RunLeaseKeeper&)>;

/// Takes the lease of (caller's organization, `instanceId`) for `runId`, calls `check` (which
/// may refuse the run by throwing; the lease is then given back) and submits `work` as a job of
/// `kind`. Returns the job id. Throws ToolError(Conflict) when another run holds the instance (on
/// any host), and what `check` and JobService::submit() throw.
std::string startLeasedJob(bss::sdk::HostServices& services, const bss::sdk::CallContext& caller,
                           std::int64_t instanceId, const std::string& kind,
                           const std::string& runId, const LeaseIdentity& identity, LeasedWork work,
                           const std::function<void()>& check = {});

} // namespace ict::application
