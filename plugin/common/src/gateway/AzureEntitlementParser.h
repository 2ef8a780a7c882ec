#pragma once
/// JSON text -> ict::domain::AzureEntitlement. Pure; throws GatewayError (MalformedResponse)
/// naming the call and field. Required: "id". Ids and status are lower-cased; a missing
/// "subscriptionId" is taken as the plan the call asked for (planSubscriptionId).

#include "domain/partner/AzureEntitlement.h"
#include "gateway/CollectionPage.h"

#include <string>

namespace ict::gateway {

/// GET /v1/customers/{id}/subscriptions/{planId}/azureEntitlements.
CollectionPage<domain::AzureEntitlement>
parseAzureEntitlementPage(const std::string& body, const std::string& call,
                          const std::string& planSubscriptionId);

} // namespace ict::gateway
