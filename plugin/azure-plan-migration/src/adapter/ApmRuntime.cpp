#include "adapter/ApmRuntime.h"

#include "gateway/EnvironmentOptions.h"

namespace apm::adapter {

namespace {

// Plans per import batch (and transaction): each has a few Azure subscriptions, so a batch is a
// few hundred rows at most.
constexpr std::size_t kImportBatchPlans = 100;

} // namespace

ApmRuntime::ApmRuntime(bss::sdk::HostServices& hostServices)
    : services(hostServices), gatewayLogger(hostServices.logger()),
      clients(hostServices, gatewayLogger, ict::gateway::clientOptionsFromEnvironment()),
      scans(hostServices, clients, clients.options().maxInFlight * 2),
      imports(hostServices, kImportBatchPlans), plans(hostServices.database()),
      runs(hostServices.database()) {}

} // namespace apm::adapter
