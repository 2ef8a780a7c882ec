#include "domain/audit/NotImportableReason.h"

namespace ict::domain {

const char* notImportableReasonName(NotImportableReason value) {
    switch (value) {
    case NotImportableReason::InOtherAccount:
        return "in_other_account";
    case NotImportableReason::AzurePlan:
        return "azure_plan";
    case NotImportableReason::Expired:
        return "expired";
    case NotImportableReason::Deleted:
        return "deleted";
    case NotImportableReason::AddOnBaseMissing:
        return "addon_base_missing";
    case NotImportableReason::AddOnBaseNotImportable:
        return "addon_base_not_importable";
    case NotImportableReason::Unset:
        break;
    }
    return "unset";
}

NotImportableReason parseNotImportableReason(const std::string& name) {
    if (name == "in_other_account")
        return NotImportableReason::InOtherAccount;
    if (name == "azure_plan")
        return NotImportableReason::AzurePlan;
    if (name == "expired")
        return NotImportableReason::Expired;
    if (name == "deleted")
        return NotImportableReason::Deleted;
    if (name == "addon_base_missing")
        return NotImportableReason::AddOnBaseMissing;
    if (name == "addon_base_not_importable")
        return NotImportableReason::AddOnBaseNotImportable;
    return NotImportableReason::Unset;
}

} // namespace ict::domain
