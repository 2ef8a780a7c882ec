#pragma once
/// One Azure subscription under a customer's Azure plan (an item of GET
/// /v1/customers/{id}/subscriptions/{planId}/azureEntitlements).

#include <string>

namespace ict::domain {

struct AzureEntitlement {
    std::string id;                 ///< The Azure subscription id (a GUID), lower case.
    std::string friendlyName;       ///< The name the customer gave it; may be empty.
    std::string status;             ///< e.g. "active", "disabled", lower case.
    std::string planSubscriptionId; ///< "subscriptionId": the Azure plan it belongs to.
};

} // namespace ict::domain
