#pragma once
/// A mass Get Hierarchy ([S6], [B3]): every tenant of the instance, read, placed, audited and
/// written to a staging snapshot as it arrives (a few customers in memory at a time), then made
/// the current snapshot in one swap. A failed, cancelled or killed run leaves the previous
/// hierarchy and Last Update as they were; its staging rows are deleted (now, or by the next run
/// after a crash).

#include "application/RefreshRun.h"

namespace ict::application {

/// Runs it. `note` starts the outcome's message (an incremental refresh that became a mass run
/// says why). Throws what the crawl or the database threw, gateway::GatewayError(Cancelled) when
/// cancelled before the swap, ToolError(Conflict) when the lease was lost.
RefreshOutcome runMassRefresh(RefreshRun& run, const std::string& note = "");

} // namespace ict::application
