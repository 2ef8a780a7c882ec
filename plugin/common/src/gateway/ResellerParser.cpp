#include "gateway/ResellerParser.h"

#include "gateway/CollectionParser.h"
#include "gateway/GatewayError.h"
#include "gateway/JsonFields.h"

#include <Poco/String.h>

namespace ict::gateway {
namespace {

std::string mpnIdOf(const Poco::JSON::Object::Ptr& object, const std::string& call,
                    const std::string& where, bool required) {
    std::string id = json::optionalString(object, "mpnId", call, where);
    if (id.empty())
        id = json::optionalString(object, "partnerId", call, where);
    if (id.empty() && required)
        throw GatewayError::malformed(call, "missing required field '" +
                                                json::path(where, "mpnId") + "' (or partnerId)");
    return id;
}

domain::Reseller parseRelationship(const Poco::JSON::Object::Ptr& object, const std::string& call,
                                   const std::string& where) {
    domain::Reseller reseller;
    reseller.tenantId = Poco::toLower(json::requiredString(object, "id", call, where));
    reseller.name = json::optionalString(object, "name", call, where);
    reseller.mpnId = mpnIdOf(object, call, where, false);
    reseller.state = json::optionalString(object, "state", call, where);
    reseller.location = json::optionalString(object, "location", call, where);
    return reseller;
}

} // namespace

CollectionPage<domain::Reseller> parseResellerPage(const std::string& body,
                                                   const std::string& call) {
    return parseCollection<domain::Reseller>(body, call, parseRelationship);
}

domain::Reseller parseMpnProfile(const std::string& body, const std::string& call) {
    const auto root = json::parseObject(body, call);
    domain::Reseller reseller;
    reseller.mpnId = mpnIdOf(root, call, "", true);
    reseller.name = json::optionalString(root, "partnerName", call, "");
    return reseller;
}

} // namespace ict::gateway
