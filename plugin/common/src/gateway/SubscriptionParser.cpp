#include "gateway/SubscriptionParser.h"

#include "gateway/CollectionParser.h"
#include "gateway/JsonFields.h"

#include <Poco/String.h>

namespace ict::gateway {

domain::Subscription parseSubscriptionObject(const Poco::JSON::Object::Ptr& object,
                                             const std::string& call, const std::string& where,
                                             const std::string& customerTenantId) {
    auto text = [&](const char* field) { return json::optionalString(object, field, call, where); };
    domain::Subscription s;
    s.id = json::requiredString(object, "id", call, where);
    s.customerTenantId = customerTenantId;
    s.offerId = json::requiredString(object, "offerId", call, where);
    s.offerName = text("offerName");
    s.friendlyName = text("friendlyName");
    if (const auto type = json::optionalObject(object, "productType", call, where))
        s.productTypeId = json::optionalString(type, "id", call, json::path(where, "productType"));
    s.quantity = json::optionalInt(object, "quantity", 0, call, where);
    s.unitType = text("unitType");
    s.status = Poco::toLower(text("status"));
    s.billingCycle = Poco::toLower(text("billingCycle"));
    s.termDuration = text("termDuration");
    s.creationDate = text("creationDate");
    s.effectiveStartDate = text("effectiveStartDate");
    s.commitmentEndDate = text("commitmentEndDate");
    s.autoRenewEnabled = json::optionalBool(object, "autoRenewEnabled", false, call, where);
    s.partnerId = text("partnerId");
    s.parentSubscriptionId = text("parentSubscriptionId");
    s.entitlementId = text("entitlementId");
    s.kind = domain::classifySubscription(s.productTypeId, s.offerId);
    return s;
}

CollectionPage<domain::Subscription> parseSubscriptionPage(const std::string& body,
                                                           const std::string& call,
                                                           const std::string& customerTenantId) {
    return parseCollection<domain::Subscription>(
        body, call,
        [&](const Poco::JSON::Object::Ptr& object, const std::string& c, const std::string& w) {
            return parseSubscriptionObject(object, c, w, customerTenantId);
        });
}

} // namespace ict::gateway
