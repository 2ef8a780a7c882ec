#pragma once
/// The loop an import and its dry run share: the selection is planned a batch of tenants at a
/// time (domain::planTenant), the billing profiles of the next batches are read ahead on the
/// reader's threads, and each planned batch goes to a PlannedBatchSink: written to the BSS (the
/// import) or recorded as planned (the dry run). Memory holds the batches being read ahead and
/// the one being handled, never the whole plan.

#include "application/BillingProfileReader.h"
#include "application/ImportSelector.h"
#include "domain/importing/ImportOutcome.h"
#include "domain/importing/ImportRequest.h"
#include "domain/importing/OutcomeSummary.h"
#include "storage/ImportWriter.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace ict::application {

/// Where planned batches go.
class PlannedBatchSink {
public:
    virtual ~PlannedBatchSink() = default;
    /// Handles one batch (each item: its plan, its place in the run, and why it must not be
    /// written, if so); returns the outcomes in the items' order.
    virtual std::vector<domain::TenantOutcome>
    handle(const std::vector<storage::ImportBatchItem>& items) = 0;
    /// After the last batch (also when the loop stopped for a cancel).
    virtual void finish() {}
};

struct PipelineOutcome {
    domain::OutcomeSummary summary; ///< Of every tenant handled.
    std::size_t done = 0;           ///< Tenants handled.
    std::size_t total = 0;          ///< Tenants selected.
    bool cancelled = false;         ///< Stopped between batches by a cancel.
};

/// Tenants handled per batch: about 1% of the run, so progress and cancel move in steps of about
/// 1%, and at most 500 (each batch costs a few statements and a commit whatever its size; a
/// larger one also rewrites fewer index pages per tenant on SQLite, whose keys are random GUIDs).
std::size_t tenantsPerBatch(std::size_t total);

/// Runs the loop. `base` carries the catalog, policy and date (its tenants are ignored).
/// `cancelled` is asked between batches; `onBatch(done, total)` after each one. Throws the
/// GatewayError that stopped the profile reading (not authenticated, TLS), and what the selector
/// or the sink throws.
PipelineOutcome runImportPipeline(ImportSelector& selector, const domain::ImportRequest& base,
                                  BillingProfileReader& profiles, PlannedBatchSink& sink,
                                  const std::function<bool()>& cancelled,
                                  const std::function<void(std::size_t, std::size_t)>& onBatch);

} // namespace ict::application
