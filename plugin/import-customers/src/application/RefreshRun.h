#pragma once
/// What one Get Hierarchy run hands to the unit of its mode (MassRefresh, IncrementalRefresh,
/// SingleTenantRefresh), and what the unit hands back for the run's record and result.

#include "application/HierarchyCrawler.h"
#include "application/RunLeaseKeeper.h"
#include "gateway/PartnerCenterClient.h"
#include "storage/HierarchyTypes.h"

#include <bss/sdk/HostServices.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ict::application {

struct RefreshRun {
    bss::sdk::HostServices& services;
    const bss::sdk::CallContext& caller;
    bss::sdk::InstanceInfo instance;
    storage::HierarchyKey key;
    std::string runId;
    std::chrono::system_clock::time_point startedAt;
    gateway::PartnerCenterClient& client;
    gateway::RequestContext context; ///< Cancelled when the job is, or the lease is lost.
    HierarchyCrawler& crawler;
    RunLeaseKeeper& lease; ///< Fences the run's writes (see RunLeaseKeeper::fence()).
    bool directCapable = false;
    bool indirectCapable = false;
    std::function<void(const std::string&)> reportPhase; ///< "customers", "saving", ...

    /// Now, as ISO UTC, from the host's clock.
    std::string nowIso() const;
};

/// What a run saved, for its record, its audit trail entry and the job's result.
struct RefreshOutcome {
    std::string mode;                  ///< "mass", "incremental", "single tenant <id>", ...
    std::int64_t tenantRows = 0;       ///< Tenant rows now saved (one per seller), failures apart.
    std::int64_t resellers = 0;        ///< Reseller rows saved.
    std::int64_t subscriptions = 0;    ///< Subscription rows saved.
    std::int64_t failures = 0;         ///< Tenants this run could not read.
    std::int64_t tenantsRefetched = 0; ///< Incremental: tenants read again.
    std::optional<std::string> lastMassUpdateAt; ///< Set by a mass run: the new Last Update.
    std::string message;                         ///< One line for the run list.
};

} // namespace ict::application
