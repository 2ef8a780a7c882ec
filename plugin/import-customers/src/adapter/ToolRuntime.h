#pragma once
/// What a started tool holds: the host's services and the application objects built on them.
/// Created by ImportCustomersTool::start(), destroyed by stop(); every action handler gets it.

#include "application/GetHierarchyService.h"
#include "application/ImportService.h"
#include "application/InstanceClients.h"
#include "gateway/HostLogger.h"
#include "storage/HierarchyQuery.h"
#include "storage/HierarchyRepository.h"
#include "storage/RunRepository.h"

#include <bss/sdk/HostServices.h>

namespace ict::adapter {

struct ToolRuntime {
    explicit ToolRuntime(bss::sdk::HostServices& hostServices);

    bss::sdk::HostServices& services;
    /// This tool in this process, as a holder of instance leases (see application/LeasedJob.h).
    application::LeaseIdentity leases;
    gateway::HostLogger gatewayLogger;
    application::InstanceClients clients;
    application::GetHierarchyService getHierarchy;
    application::ImportService importing;
    storage::HierarchyRepository hierarchy;
    storage::HierarchyQuery hierarchyQuery;
    storage::RunRepository runs;
};

} // namespace ict::adapter
