#pragma once
/// JSON text -> ict::domain::Subscription, each classified with
/// classifySubscription(productType.id, offerId). Pure; throws GatewayError (MalformedResponse)
/// naming the call and field. Required: "id" and "offerId". customerTenantId is set from the
/// argument (the answer does not carry it).

#include "domain/partner/Subscription.h"
#include "gateway/CollectionPage.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace ict::gateway {

domain::Subscription parseSubscriptionObject(const Poco::JSON::Object::Ptr& object,
                                             const std::string& call, const std::string& where,
                                             const std::string& customerTenantId);
/// GET /v1/customers/{id}/subscriptions.
CollectionPage<domain::Subscription> parseSubscriptionPage(const std::string& body,
                                                           const std::string& call,
                                                           const std::string& customerTenantId);

} // namespace ict::gateway
