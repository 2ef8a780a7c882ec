#pragma once
/// The audit that follows every Get Hierarchy ([S10], [S11], [S15], [B7]): relates each tenant row
/// to BSS accounts and gives it and its subscriptions an import status. Pure; thread-compatible.

#include "domain/audit/BssAccountIndex.h"
#include "domain/hierarchy/Hierarchy.h"
#include "domain/hierarchy/TenantRow.h"

namespace ict::domain {

/// Returns `row` with every audit field set:
///  - relatedAccounts: BssAccountIndex::related() of its tenant id, domain and company name.
///  - idMatchedAccountId: the lowest-id account related by microsoft_id; 0 if none.
///  - subscriptions: auditSubscriptions() against that account.
///  - Counts, both over the same scope, the subscriptions this tool can account for (status New
///    or InBss; azure plans, expired, deleted, orphan add-ons and subscriptions held by another
///    account are out of scope on both sides, so a fully imported tenant is Synced, [S15]):
///      partnerCenterSubscriptionCount = New + InBss, bssSubscriptionCount = InBss.
///  - status: Unsynced without an id-matched account; else Synced when the counts are equal,
///    NewSubscriptions when not.
///  - needsConfirmation / confirmationReason (sentences joined by a space), when any of:
///    more than one account relates ("<n> BSS accounts relate to this tenant; confirm which one
///    it is."); the only related account relates by domain or name, not by id ("The BSS account
///    '<name>' relates only by primary domain|company name; confirm it is this tenant."); the
///    id-matched account's normalised name differs from Partner Center's ("The BSS account
///    '<name>' has this tenant's Microsoft id but Partner Center names it '<company>'; confirm it
///    was renamed.").
///  - importable: an Unassigned row never is (notImportableReason says why). Otherwise an
///    Unsynced tenant is importable even with no New subscription, because the seed imports a
///    tenant as a BSS account (its later subscriptions are then added as new ones); a matched
///    tenant is importable when it has at least one New subscription.
TenantRow auditTenant(TenantRow row, const BssAccountIndex& accounts);

/// auditTenant() of every row of `hierarchy` (direct, end customers, unassigned).
Hierarchy auditHierarchy(Hierarchy hierarchy, const BssAccountIndex& accounts);

} // namespace ict::domain
