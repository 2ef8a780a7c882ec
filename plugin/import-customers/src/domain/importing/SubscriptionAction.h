#pragma once
/// What an import does with one Partner Center subscription. Plain data.

#include "domain/billing/BillingSchedule.h"
#include "domain/partner/SubscriptionKind.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ict::domain {

enum class SubscriptionActionKind {
    Unset = 0,
    Create,
    Skip, ///< Not an error: nothing to do, or another tool's job.
    Fail, ///< Cannot be imported until something is fixed.
};

enum class SkipReason {
    Unset = 0,
    AlreadyInBss,  ///< Existing subscriptions are never changed ([S1]).
    AzurePlan,     ///< Listed for the Azure migration tool ([S2]).
    Inactive,      ///< Status expired or deleted.
    NotImportable, ///< The audit said so, with its reason.
};

enum class FailReason {
    Unset = 0,
    NoProduct,
    AmbiguousProduct,
    NoBillingPlan,
    InvalidBilling, ///< The billing schedule could not be computed (bad or missing dates).
    BaseFailed,     ///< An add-on whose base subscription fails or is skipped.
    BaseMissing,    ///< An add-on whose base is not among the tenant's subscriptions.
    InvalidTenant,  ///< The tenant itself cannot be planned (e.g. no tenant id).
};

/// Stable names: "create", "skip", "fail".
const char* subscriptionActionKindName(SubscriptionActionKind kind);
/// Stable names: "already_in_bss", "azure_plan", "inactive", "not_importable".
const char* skipReasonName(SkipReason reason);
/// Stable names: "no_product", "ambiguous_product", "no_billing_plan", "invalid_billing",
/// "base_failed", "base_missing", "invalid_tenant". All three give "unset" for Unset.
const char* failReasonName(FailReason reason);

struct SubscriptionAction {
    SubscriptionActionKind kind = SubscriptionActionKind::Unset;
    std::string msSubscriptionId;
    std::string name; ///< friendlyName, else offerName, else offerId.
    std::string offerId;
    SubscriptionKind subscriptionKind = SubscriptionKind::Unset;
    SkipReason skipReason = SkipReason::Unset; ///< For Skip.
    FailReason failReason = FailReason::Unset; ///< For Fail.
    std::string reason;                        ///< For Skip and Fail: a sentence for people.

    // For Create: the subscriptions table's columns.
    std::int64_t productId = 0;
    std::int64_t billingPlanId = 0;
    std::int64_t quantity = 0;
    std::string status;
    std::string billingCycle;
    std::string termDuration;
    std::string startDate;         ///< YYYY-MM-DD, or empty.
    std::string commitmentEndDate; ///< YYYY-MM-DD, or empty.
    bool autoRenew = false;
    std::string resellerMpnId; ///< Empty for direct business.
    /// Add-ons: the base's Partner Center id. The base comes earlier in the tenant's list, or is
    /// already in the BSS (`parentInBss`); the writer links to the base's BSS row.
    std::string parentMsSubscriptionId;
    bool parentInBss = false;
    std::optional<BillingSchedule> billing;
};

} // namespace ict::domain
