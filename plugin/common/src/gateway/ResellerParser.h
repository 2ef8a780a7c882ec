#pragma once
/// JSON text -> ict::domain::Reseller, from the indirect-reseller relationships list and from an
/// MPN profile. The MPN id is read from "mpnId" or, in newer documents, "partnerId". Pure; throws
/// GatewayError (MalformedResponse) naming the call and field.

#include "domain/partner/Reseller.h"
#include "gateway/CollectionPage.h"

#include <string>

namespace ict::gateway {

/// GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf. Required: "id".
CollectionPage<domain::Reseller> parseResellerPage(const std::string& body,
                                                   const std::string& call);
/// GET /v1/profiles/mpn?mpnId=. Required: "mpnId" (or "partnerId"). Name from "partnerName".
domain::Reseller parseMpnProfile(const std::string& body, const std::string& call);

} // namespace ict::gateway
