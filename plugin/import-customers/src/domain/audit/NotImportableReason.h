#pragma once
/// Why a subscription is not offered for import.
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class NotImportableReason {
    Unset = 0,
    AzurePlan,        ///< "azure_plan": Azure plans go through the Azure migration tool ([S2]).
    Expired,          ///< "expired": Partner Center status expired.
    Deleted,          ///< "deleted": Partner Center status deleted.
    AddOnBaseMissing, ///< "addon_base_missing": the base is neither in Partner Center nor in the
                      ///< BSS.
    AddOnBaseNotImportable, ///< "addon_base_not_importable": the base is in Partner Center but
                            ///< cannot be imported.
    InOtherAccount, ///< "in_other_account": another BSS account already holds its id ([B2]).
};

/// The stable name; "unset" for Unset.
const char* notImportableReasonName(NotImportableReason value);

/// The value of a stable name; Unset for any other text.
NotImportableReason parseNotImportableReason(const std::string& name);

} // namespace ict::domain
