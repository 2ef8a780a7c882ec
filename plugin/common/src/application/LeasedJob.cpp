#include "application/LeasedJob.h"

#include "application/InstanceJobSubject.h"
#include "domain/common/IsoTime.h"

#include <memory>

namespace ict::application {

std::string startLeasedJob(bss::sdk::HostServices& services, const bss::sdk::CallContext& caller,
                           std::int64_t instanceId, const std::string& kind,
                           const std::string& runId, const LeaseIdentity& identity, LeasedWork work,
                           const std::function<void()>& check) {
    const std::string now = domain::formatIsoUtc(services.clock().now());
    storage::RunLease wanted;
    wanted.key = {caller.organization.id, instanceId};
    wanted.holder = identity.holder;
    wanted.runId = runId;
    wanted.kind = kind;
    wanted.userLogin = caller.user.login;
    wanted.startedAt = now;
    auto lease = std::make_shared<RunLeaseKeeper>(services.database(), identity.table, wanted,
                                                  identity.timing, now);
    if (check)
        check();
    return services.jobs().submit(
        caller, kind, instanceJobSubject(instanceId),
        [lease, work](bss::sdk::JobControl& job) { return work(job, *lease); });
}

} // namespace ict::application
