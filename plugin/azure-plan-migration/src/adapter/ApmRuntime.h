#pragma once
/// What a started Azure Plan Migration Tool holds: the host's services and the application
/// objects built on them. Created by AzurePlanMigrationTool::start(), destroyed by stop(); every
/// action handler gets it.

#include "application/InstanceClients.h"
#include "application/PlanImportService.h"
#include "application/PlanScanService.h"
#include "gateway/HostLogger.h"
#include "storage/PlanStore.h"
#include "storage/RunStore.h"

#include <bss/sdk/HostServices.h>

namespace apm::adapter {

struct ApmRuntime {
    explicit ApmRuntime(bss::sdk::HostServices& hostServices);

    bss::sdk::HostServices& services;
    /// This tool in this process, as a holder of instance leases (application/LeasedJob.h).
    ict::application::LeaseIdentity leases;
    ict::gateway::HostLogger gatewayLogger;
    ict::application::InstanceClients clients;
    application::PlanScanService scans;
    application::PlanImportService imports;
    storage::PlanStore plans;
    storage::RunStore runs;
};

} // namespace apm::adapter
