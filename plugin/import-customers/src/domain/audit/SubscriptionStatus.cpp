#include "domain/audit/SubscriptionStatus.h"

namespace ict::domain {

const char* subscriptionStatusName(SubscriptionStatus value) {
    switch (value) {
    case SubscriptionStatus::New:
        return "new";
    case SubscriptionStatus::InBss:
        return "in_bss";
    case SubscriptionStatus::NotImportable:
        return "not_importable";
    case SubscriptionStatus::Unset:
        break;
    }
    return "unset";
}

SubscriptionStatus parseSubscriptionStatus(const std::string& name) {
    if (name == "new")
        return SubscriptionStatus::New;
    if (name == "in_bss")
        return SubscriptionStatus::InBss;
    if (name == "not_importable")
        return SubscriptionStatus::NotImportable;
    return SubscriptionStatus::Unset;
}

} // namespace ict::domain
