#pragma once
/// An incremental refresh ([B4]): Partner Center's audit records since the last covered time name
/// the tenants that changed; only those are read again (their customer record too when it may
/// have changed), written to a staging snapshot, and every other saved row is copied beside them
/// a page at a time, audited again (BSS accounts change without Partner Center records); then the
/// staging snapshot becomes current in one swap. When the records cannot cover the gap (no
/// previous run, older than the audit log keeps), it runs as a mass refresh and says why.

#include "application/RefreshRun.h"

namespace ict::application {

/// Runs it; throws as runMassRefresh() does.
RefreshOutcome runIncrementalRefresh(RefreshRun& run);

} // namespace ict::application
