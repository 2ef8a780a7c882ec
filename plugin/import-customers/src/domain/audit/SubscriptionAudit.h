#pragma once
/// Each subscription's import status within one tenant row ([S1], [S2], [S10], [B2]).

#include "domain/audit/BssAccountIndex.h"
#include "domain/hierarchy/SubscriptionRow.h"

#include <cstdint>
#include <vector>

namespace ict::domain {

/// Sets status, reason and reasonText of every row, checking in this order (ids compare trimmed
/// and case-insensitively):
///  1. InBss: the account `idMatchedAccountId` holds its id, whatever its Partner Center status
///     or kind: it is in the BSS and is never changed.
///  2. NotImportable in_other_account: another account of `accounts` holds its id, so importing
///     it would create it twice: "Subscription is already in the BSS account '<name>'."
///  3. NotImportable azure_plan: "Azure plan subscriptions are imported with the Azure migration
///     tool."
///  4. NotImportable deleted / expired (Partner Center status, case-insensitive): "Subscription
///     is deleted." / "Subscription is expired." Other statuses (active, suspended, disabled,
///     pending, ...) are importable.
///  5. An add-on (parentSubscriptionId set) whose base is neither in the id-matched account nor
///     among `rows`: NotImportable addon_base_missing, "Add-on whose base subscription <id> is
///     neither in Partner Center nor in the BSS."; whose base is among `rows` but NotImportable:
///     addon_base_not_importable, "Add-on whose base subscription <id> cannot be imported."
///  6. Otherwise New.
/// `idMatchedAccountId` is 0 when the tenant is Unsynced: nothing is then InBss.
void auditSubscriptions(std::vector<SubscriptionRow>& rows, std::int64_t idMatchedAccountId,
                        const BssAccountIndex& accounts);

} // namespace ict::domain
