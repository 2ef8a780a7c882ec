#include "adapter/ApmRuntime.h"

#include "application/ApmLeases.h"
#include "gateway/EnvironmentOptions.h"

namespace apm::adapter {

namespace {

// Plans per import batch (and transaction): each has a few Azure subscriptions, so a batch is a
// few hundred rows at most.
constexpr std::size_t kImportBatchPlans = 100;

} // namespace

ApmRuntime::ApmRuntime(bss::sdk::HostServices& hostServices)
    : services(hostServices), leases{ict::storage::leaseHolderName(),
                                     ict::application::leaseTimingFromEnvironment(),
                                     application::runLeaseTable(hostServices.database())},
      gatewayLogger(hostServices.logger()),
      clients(hostServices, gatewayLogger, ict::gateway::clientOptionsFromEnvironment()),
      scans(hostServices, clients, clients.options().maxInFlight * 2, leases),
      imports(hostServices, kImportBatchPlans, leases), plans(hostServices.database()),
      runs(hostServices.database()) {}

} // namespace apm::adapter
