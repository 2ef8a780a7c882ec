#pragma once
/// The families of Partner Center subscriptions the tool tells apart, and the rule that tells them.

#include <string>

namespace ict::domain {

enum class SubscriptionKind {
    Unset = 0,
    LegacyLicense, ///< Legacy license-based (offer id is a bare GUID).
    Nce,           ///< New commerce license-based (productType OnlineServicesNCE).
    AzureLegacy,   ///< Legacy CSP Azure, offer MS-AZR-0145P.
    AzurePlan,     ///< Azure plan, offer DZH318Z0BPS6:0001:*.
    OtherCatalog,  ///< Any other catalog item (software, reservations, third-party SaaS).
};

/// Stable names: "legacy", "nce", "azure_legacy", "azure_plan", "other".
const char* subscriptionKindName(SubscriptionKind kind);

/// The kind of a stable name; Unset for any other text.
SubscriptionKind parseSubscriptionKind(const std::string& name);

/// Classifies by productType.id first and the offer id's shape second (never NCE from the shape
/// alone). `productTypeId` may be empty (old legacy records).
SubscriptionKind classifySubscription(const std::string& productTypeId, const std::string& offerId);

} // namespace ict::domain
