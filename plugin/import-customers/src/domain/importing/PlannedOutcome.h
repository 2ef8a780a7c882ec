#pragma once
/// The outcome a plan would have if written as planned: the dry run's result ([B1]), in the same
/// shape as a real run's so the same page and CSV export serve both.

#include "domain/importing/ImportOutcome.h"
#include "domain/importing/ImportPlan.h"

#include <string>

namespace ict::domain {

/// dryRun = true; no BSS ids (all 0). Account: CreateAccount -> Created with contact (Failed with
/// the tenant problem when there is one), UseExisting -> Existing with its id. Subscriptions:
/// Create -> Created under a new account, Added to an existing one; Skip -> Skipped; Fail ->
/// Failed; reasons and billing copied.
ImportRunOutcome plannedOutcome(const ImportPlan& plan, const std::string& runId);

/// The planned outcome of one tenant, as plannedOutcome() makes it.
TenantOutcome plannedTenantOutcome(const TenantPlan& tenant);

/// The outcome of a tenant that is not written because `reason` (e.g. its billing profile could
/// not be read): account Failed with the reason; each subscription to create Failed with it, each
/// skip Skipped with its own reason.
TenantOutcome unwrittenTenantOutcome(const TenantPlan& tenant, const std::string& reason);

} // namespace ict::domain
