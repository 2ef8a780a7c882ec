#pragma once
/// Import ([S1], [S12], [S13], [B1], [B2], [B5], [B8], [B9]): a selection of the saved hierarchy,
/// planned a batch at a time (domain::planTenant) against a fresh audit of the BSS, then
/// pre-flighted, dry-run (a job that records what would happen) or written (a job, a batch of
/// tenants per transaction, storage::ImportWriter) while the billing profiles of later tenants
/// are still being read (ImportPipeline). Nothing holds the whole selection or plan.
///
/// The audit is redone for each batch, so an account created (by hand or by another host) since
/// the Get Hierarchy is used, not duplicated. Contacts come from each new tenant's Partner Center
/// billing profile, read in parallel within the instance's rate limit. An import holds its
/// instance's lease (see LeasedJob.h): never two at once, nor beside a Get Hierarchy, on any
/// host. Thread-safe.

#include "application/ImportSelection.h"
#include "application/InstanceClients.h"
#include "application/LeasedJob.h"
#include "domain/importing/ImportOutcome.h"
#include "domain/importing/ImportSummary.h"
#include "domain/importing/PreflightReport.h"
#include "storage/RunRepository.h"

#include <bss/sdk/HostServices.h>

#include <functional>
#include <string>
#include <utility>

namespace ict::application {

struct PreflightOutcome {
    domain::PreflightReport report;
    domain::ImportSummary summary;
};

/// A page of a run's results.
struct ImportResults {
    storage::RunRecord run;
    domain::ImportRunOutcome outcome; ///< Its tenants: the page asked for.
    std::size_t total = 0;            ///< Results the run has.
};

class ImportService {
public:
    ImportService(bss::sdk::HostServices& services, InstanceClients& clients, int parallelism,
                  LeaseIdentity identity);

    /// Plans the whole selection without writing and checks the token ([B5]). Throws ToolError
    /// (NotFound instance, InvalidInput selection, Conflict no saved hierarchy).
    PreflightOutcome preflight(const bss::sdk::CallContext& caller,
                               const ImportSelection& selection);

    /// Starts the dry run ([B1]) as a job (kind "dry-run"): the whole import computed, billing
    /// profiles read, nothing written but its results (run kind "dry_run", read them with
    /// results()) and an audit trail entry. Returns {jobId, runId}. The selection is checked
    /// before the job starts (same errors as preflight()).
    std::pair<std::string, std::string> startDryRun(const bss::sdk::CallContext& caller,
                                                    const ImportSelection& selection);

    /// Takes the instance's lease and submits the import as a job (kind "import", subject
    /// instanceJobSubject()); returns {jobId, runId}. Throws ToolError: Conflict when a Get
    /// Hierarchy or another import of the instance runs on any host; the selection's errors.
    std::pair<std::string, std::string> start(const bss::sdk::CallContext& caller,
                                              const ImportSelection& selection);

    /// The results of an import or dry run of the caller's organization, at most `limit` from
    /// `offset` on; ToolError(NotFound) otherwise.
    ImportResults results(const bss::sdk::CallContext& caller, const std::string& runId,
                          std::size_t offset, std::size_t limit);

    /// The record of an import or dry run of the caller's organization; ToolError(NotFound)
    /// otherwise.
    storage::RunRecord visibleRun(const bss::sdk::CallContext& caller, const std::string& runId);

    /// Each result of such a run in order, for a streamed export (same checks), until the last
    /// or until `onTenant` returns false.
    void forEachResult(const bss::sdk::CallContext& caller, const std::string& runId,
                       const std::function<bool(const domain::TenantOutcome&)>& onTenant);

private:
    std::string runImport(const bss::sdk::CallContext& caller, const ImportSelection& selection,
                          const std::string& runId, bss::sdk::JobControl& job,
                          RunLeaseKeeper& lease);
    std::string runDryRun(const bss::sdk::CallContext& caller, const ImportSelection& selection,
                          const std::string& runId, bss::sdk::JobControl& job);
    bss::sdk::HostServices& _services;
    InstanceClients& _clients;
    int _parallelism;
    LeaseIdentity _identity;
    storage::RunRepository _runs;
};

} // namespace ict::application
