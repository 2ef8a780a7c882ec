#include "gateway/BillingProfileParser.h"

#include "gateway/JsonFields.h"

namespace ict::gateway {

domain::BillingProfile parseBillingProfile(const std::string& body, const std::string& call) {
    const auto root = json::parseObject(body, call);
    auto text = [&](const Poco::JSON::Object::Ptr& object, const char* field,
                    const std::string& where) {
        return json::optionalString(object, field, call, where);
    };
    domain::BillingProfile profile;
    profile.firstName = text(root, "firstName", "");
    profile.lastName = text(root, "lastName", "");
    profile.email = text(root, "email", "");
    profile.companyName = text(root, "companyName", "");
    profile.culture = text(root, "culture", "");
    profile.language = text(root, "language", "");
    if (const auto address = json::optionalObject(root, "defaultAddress", call, "")) {
        const std::string at = "defaultAddress";
        auto& out = profile.defaultAddress;
        out.addressLine1 = text(address, "addressLine1", at);
        out.addressLine2 = text(address, "addressLine2", at);
        out.addressLine3 = text(address, "addressLine3", at);
        out.city = text(address, "city", at);
        out.state = text(address, "state", at);
        out.region = text(address, "region", at);
        out.postalCode = text(address, "postalCode", at);
        out.country = text(address, "country", at);
        out.phoneNumber = text(address, "phoneNumber", at);
    }
    return profile;
}

} // namespace ict::gateway
