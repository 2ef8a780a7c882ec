#pragma once
/// Builds the plan of an import ([S1], [S2], [S12], [B1], [B2], [B5]). Pure and thread-safe; writes
/// nothing. The same plan serves the dry run (shown in full), the pre-flight check
/// (preflightCheck()) and the import job (written a batch of tenants per transaction).

#include "domain/importing/ImportPlan.h"
#include "domain/importing/ImportRequest.h"

namespace ict::domain {

/// One TenantPlan per selected tenant, in the selection's order.
///
/// Account: UseExisting when the tenant has a related BSS account (matched by Microsoft id),
/// else CreateAccount from the tenant and its billing profile: name = company name, else the
/// profile's company name, else the primary domain, else the tenant id; state = the address's
/// state, else its region; phone = the address's phone. The account is planned even when every
/// subscription fails (peers.md 1.5: the account and contact are still created).
///
/// Reseller: Direct for a direct tenant; for an end customer UseExistingReseller when a BSS
/// reseller account has the seller's MPN id (case-insensitive, trimmed), else CreateReseller keyed
/// by the MPN id with the seller's name (the MPN id when the name is empty).
///
/// Subscriptions, first rule that applies:
///  1. audit InBss -> Skip already_in_bss (existing subscriptions are never changed);
///  2. Azure plan -> Skip azure_plan (listed for the Azure migration tool);
///  3. status expired or deleted -> Skip inactive;
///  4. audit NotImportable -> Skip not_importable with the audit's reason;
///  5. tenant problem (no tenant id) -> Fail invalid_tenant;
///  6. mapProduct() not Mapped -> Fail with its outcome and message;
///  7. scheduleBilling() error -> Fail invalid_billing with its message;
///  8. add-on whose base is not in the list -> Fail base_missing; whose base fails or is skipped
///  for
///     a reason other than already_in_bss -> Fail base_failed;
///  9. otherwise Create (an Unset audit status is taken as New).
/// Add-ons follow their base (depth first); the rest keep Partner Center's order. Reseller MPN id
/// of a subscription: its partnerId, else the tenant's seller's.
ImportPlan planImport(const ImportRequest& request);

/// The plan of `tenant` (one of request.tenants) as planImport() makes it: tenants are planned
/// independently of each other, so an import can plan and write them a batch at a time.
TenantPlan planTenant(const ImportRequest& request, const TenantSelection& tenant);

} // namespace ict::domain
