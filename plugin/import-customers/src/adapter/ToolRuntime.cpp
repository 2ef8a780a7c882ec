#include "adapter/ToolRuntime.h"

#include "application/RunLeases.h"
#include "gateway/EnvironmentOptions.h"

namespace ict::adapter {

ToolRuntime::ToolRuntime(bss::sdk::HostServices& hostServices)
    : services(hostServices), leases{storage::leaseHolderName(),
                                     application::leaseTimingFromEnvironment(),
                                     application::runLeaseTable(hostServices.database())},
      gatewayLogger(hostServices.logger()),
      clients(hostServices, gatewayLogger, gateway::clientOptionsFromEnvironment()),
      getHierarchy(hostServices, clients, clients.options().maxInFlight * 2, leases),
      importing(hostServices, clients, clients.options().maxInFlight * 2, leases),
      hierarchy(hostServices.database()), hierarchyQuery(hostServices.database()),
      runs(hostServices.database()) {}

} // namespace ict::adapter
