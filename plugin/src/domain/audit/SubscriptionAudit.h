#pragma once
/// Each subscription's import status within one tenant row ([S1], [S2], [S10]).

#include "domain/audit/BssAccount.h"
#include "domain/hierarchy/SubscriptionRow.h"

#include <vector>

namespace ict::domain {

/// Sets status, reason and reasonText of every row, checking in this order:
///  1. InBss: its id is among `idMatchedAccount`'s externalSubscriptionIds (case-insensitive),
///     whatever its Partner Center status or kind: it is in the BSS and is never changed.
///  2. NotImportable azure_plan: "Azure plan subscriptions are imported with the Azure migration
///     tool."
///  3. NotImportable deleted / expired (Partner Center status, case-insensitive): "Subscription
///     is deleted." / "Subscription is expired." Other statuses (active, suspended, disabled,
///     pending, ...) are importable.
///  4. An add-on (parentSubscriptionId set) whose base is neither in `idMatchedAccount` nor among
///     `rows`: NotImportable addon_base_missing, "Add-on whose base subscription <id> is neither
///     in Partner Center nor in the BSS."; whose base is among `rows` but NotImportable:
///     addon_base_not_importable, "Add-on whose base subscription <id> cannot be imported."
///  5. Otherwise New.
/// `idMatchedAccount` may be nullptr (the tenant is Unsynced): nothing is then InBss.
void auditSubscriptions(std::vector<SubscriptionRow>& rows, const BssAccount* idMatchedAccount);

} // namespace ict::domain
