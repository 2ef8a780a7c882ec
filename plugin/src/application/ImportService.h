#pragma once
/// Import ([S1], [S12], [S13], [B1], [B2], [B5], [B8], [B9]): from a selection of the saved
/// hierarchy, plan (domain::planImport) against a fresh audit of the BSS, then pre-flight it,
/// show it (dry run) or write it in a host job, a batch of tenants per transaction
/// (storage::ImportWriter) while the billing profiles of later tenants are still being read.
///
/// The audit is redone at the start of every call, so an account created (by hand or by another
/// host) since the Get Hierarchy is used, not duplicated. Contacts come from each new tenant's
/// Partner Center billing profile, read in parallel within the instance's rate limit.
/// Thread-safe.

#include "application/ImportSelection.h"
#include "application/InstanceClients.h"
#include "domain/importing/ImportOutcome.h"
#include "domain/importing/ImportPlan.h"
#include "domain/importing/ImportRequest.h"
#include "domain/importing/PreflightReport.h"
#include "storage/RunRepository.h"

#include <bss/sdk/HostServices.h>

#include <map>
#include <string>

namespace ict::application {

struct PreparedImport {
    domain::ImportPlan plan;
    /// Tenants (by plan index) whose billing profile could not be read: not written, with why.
    std::map<std::size_t, std::string> profileFailures;
};

struct ImportResults {
    storage::RunRecord run;
    domain::ImportRunOutcome outcome;
};

class ImportService {
public:
    ImportService(bss::sdk::HostServices& services, InstanceClients& clients, int parallelism);

    /// Checks the token and plans without writing ([B5]). Throws ToolError (NotFound instance,
    /// InvalidInput selection, Conflict no saved hierarchy).
    domain::PreflightReport preflight(const bss::sdk::CallContext& caller,
                                      const ImportSelection& selection,
                                      domain::ImportPlan& planOut);

    /// The whole import computed, nothing written ([B1]); leaves an audit trail entry.
    domain::ImportRunOutcome dryRun(const bss::sdk::CallContext& caller,
                                    const ImportSelection& selection);

    /// Submits the import as a job (kind "import", subject instanceJobSubject(): never at the
    /// same time as a Get Hierarchy of the instance, Conflict otherwise); returns {jobId, runId}.
    std::pair<std::string, std::string> start(const bss::sdk::CallContext& caller,
                                              const ImportSelection& selection);

    /// The job's body. Returns {"runId", "summary"} JSON; throws ToolError on a failure that
    /// stops the run (tenants already written stay written, with their results).
    std::string run(const bss::sdk::CallContext& caller, const ImportSelection& selection,
                    const std::string& runId, bss::sdk::JobControl& job);

    /// Results of an import run of the caller's organization; ToolError(NotFound) otherwise.
    ImportResults results(const bss::sdk::CallContext& caller, const std::string& runId);

private:
    /// The selected tenants audited against the BSS as it is now, with the catalog, policy and
    /// date: what planning needs but the billing profiles.
    domain::ImportRequest selectTenants(const bss::sdk::CallContext& caller,
                                        const ImportSelection& selection);
    PreparedImport prepare(const bss::sdk::CallContext& caller, const ImportSelection& selection,
                           bool readProfiles, const std::string& correlationId,
                           const std::function<bool()>& cancelled);

    bss::sdk::HostServices& _services;
    InstanceClients& _clients;
    int _parallelism;
    storage::RunRepository _runs;
};

} // namespace ict::application
