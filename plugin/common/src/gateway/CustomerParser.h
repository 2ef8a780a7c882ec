#pragma once
/// JSON text -> ict::domain::Customer. Pure; throws GatewayError (MalformedResponse) naming the
/// call and field. Required: "id". The tenant id is lower-cased.

#include "domain/partner/Customer.h"
#include "gateway/CollectionPage.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace ict::gateway {

domain::Customer parseCustomerObject(const Poco::JSON::Object::Ptr& object, const std::string& call,
                                     const std::string& where);
/// GET /v1/customers/{id}.
domain::Customer parseCustomer(const std::string& body, const std::string& call);
/// GET /v1/customers[?filter=...] pages.
CollectionPage<domain::Customer> parseCustomerPage(const std::string& body,
                                                   const std::string& call);

} // namespace ict::gateway
