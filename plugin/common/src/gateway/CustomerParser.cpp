#include "gateway/CustomerParser.h"

#include "gateway/CollectionParser.h"
#include "gateway/JsonFields.h"

#include <Poco/String.h>

namespace ict::gateway {

domain::Customer parseCustomerObject(const Poco::JSON::Object::Ptr& object, const std::string& call,
                                     const std::string& where) {
    domain::Customer customer;
    customer.tenantId = Poco::toLower(json::requiredString(object, "id", call, where));
    if (const auto profile = json::optionalObject(object, "companyProfile", call, where)) {
        const std::string at = json::path(where, "companyProfile");
        customer.companyName = json::optionalString(profile, "companyName", call, at);
        customer.primaryDomain = json::optionalString(profile, "domain", call, at);
    }
    customer.relationshipToPartner =
        json::optionalString(object, "relationshipToPartner", call, where);
    customer.associatedPartnerId =
        Poco::toLower(json::optionalString(object, "associatedPartnerId", call, where));
    return customer;
}

domain::Customer parseCustomer(const std::string& body, const std::string& call) {
    return parseCustomerObject(json::parseObject(body, call), call, "");
}

CollectionPage<domain::Customer> parseCustomerPage(const std::string& body,
                                                   const std::string& call) {
    return parseCollection<domain::Customer>(body, call, parseCustomerObject);
}

} // namespace ict::gateway
