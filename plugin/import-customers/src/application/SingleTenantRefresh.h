#pragma once
/// A single update ([S7]): one tenant, by tenant id or primary domain, read again and its rows
/// replaced in the current snapshot in one transaction (created when nothing was saved yet).
/// Last Update does not move.

#include "application/GetHierarchyRequest.h"
#include "application/RefreshRun.h"

namespace ict::application {

/// Runs it. Throws ToolError(NotFound) naming the field when Partner Center has no such tenant,
/// otherwise as runMassRefresh() does.
RefreshOutcome runSingleTenantRefresh(RefreshRun& run, const GetHierarchyRequest& request);

} // namespace ict::application
