#pragma once
/// JSON text of GET /v1/customers/{id}/profiles/billing -> ict::domain::BillingProfile. Every field
/// is optional; the body must be a JSON object. Pure; throws GatewayError (MalformedResponse).

#include "domain/partner/BillingProfile.h"

#include <string>

namespace ict::gateway {

domain::BillingProfile parseBillingProfile(const std::string& body, const std::string& call);

} // namespace ict::gateway
