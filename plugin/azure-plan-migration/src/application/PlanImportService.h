#pragma once
/// Import (and its dry run): creates in the BSS what the instance's last scan found missing, and
/// nothing else. Pre-flight first: a completed scan, and for every Azure plan offer the import
/// would touch a BSS product that sells it with a monthly usage-in-arrears billing plan. The job
/// reads the scan's rows that are not in step a batch at a time, syncs each again against what
/// the BSS holds now (a customer imported since the scan is no longer "import the customer
/// first"; a plan another run created meanwhile is held), and writes each batch with its result
/// lines in one transaction (PlanImportWriter): a re-run after a crash or a cancel finishes the
/// rest, and two runs, on one host or two, never create a row twice. Like a scan, an import holds
/// the instance's lease (one run of this tool per instance across hosts), which fences each batch.

#include "application/PlanScanService.h"
#include "storage/PlanImportWriter.h"
#include "storage/PlanProductReader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace apm::application {

struct ImportOptions {
    bool dryRun = false;
    std::string customerTenantId; ///< Only this tenant's plans; "" = every tenant.
};

/// What pre-flight found; the import starts only when `problems` is empty.
struct Preflight {
    std::optional<storage::ScanState> scan;
    std::map<std::string, storage::PlanProduct> products; ///< By offer id.
    std::vector<std::string> problems; ///< Each says what is wrong and what to do.
};

class PlanImportService {
public:
    PlanImportService(bss::sdk::HostServices& services, std::size_t batchPlans,
                      ict::application::LeaseIdentity identity);

    Preflight preflight(const bss::sdk::CallContext& caller, std::int64_t instanceId);

    /// Submits the import (or dry run). Throws ToolError(NotFound) when the caller may not use
    /// the instance, ToolError(InvalidInput, field "instanceId") naming pre-flight's problems,
    /// ToolError(Conflict) when a run of this tool holds the instance.
    StartedRun start(const bss::sdk::CallContext& caller, std::int64_t instanceId,
                     const ImportOptions& options);

private:
    Preflight preflightOf(const bss::sdk::CallContext& caller,
                          const bss::sdk::InstanceInfo& instance);
    std::string importPlans(bss::sdk::JobControl& job, ict::application::RunLeaseKeeper& lease,
                            const bss::sdk::CallContext& caller, const Preflight& preflight,
                            const ImportOptions& options, const std::string& runId);

    bss::sdk::HostServices& _services;
    std::size_t _batchPlans;
    ict::application::LeaseIdentity _identity;
    storage::PlanStore _plans;
    storage::RunStore _runs;
    storage::BssHoldingsReader _holdings;
    storage::PlanProductReader _products;
    storage::PlanImportWriter _writer;
};

} // namespace apm::application
