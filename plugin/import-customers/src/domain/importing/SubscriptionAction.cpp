#include "domain/importing/SubscriptionAction.h"

namespace ict::domain {

const char* subscriptionActionKindName(SubscriptionActionKind kind) {
    switch (kind) {
    case SubscriptionActionKind::Create:
        return "create";
    case SubscriptionActionKind::Skip:
        return "skip";
    case SubscriptionActionKind::Fail:
        return "fail";
    case SubscriptionActionKind::Unset:
        break;
    }
    return "unset";
}

const char* skipReasonName(SkipReason reason) {
    switch (reason) {
    case SkipReason::AlreadyInBss:
        return "already_in_bss";
    case SkipReason::AzurePlan:
        return "azure_plan";
    case SkipReason::Inactive:
        return "inactive";
    case SkipReason::NotImportable:
        return "not_importable";
    case SkipReason::Unset:
        break;
    }
    return "unset";
}

const char* failReasonName(FailReason reason) {
    switch (reason) {
    case FailReason::NoProduct:
        return "no_product";
    case FailReason::AmbiguousProduct:
        return "ambiguous_product";
    case FailReason::NoBillingPlan:
        return "no_billing_plan";
    case FailReason::InvalidBilling:
        return "invalid_billing";
    case FailReason::BaseFailed:
        return "base_failed";
    case FailReason::BaseMissing:
        return "base_missing";
    case FailReason::InvalidTenant:
        return "invalid_tenant";
    case FailReason::Unset:
        break;
    }
    return "unset";
}

} // namespace ict::domain
