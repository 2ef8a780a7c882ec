#include "gateway/AzureEntitlementParser.h"

#include "gateway/CollectionParser.h"
#include "gateway/JsonFields.h"

#include <Poco/String.h>

namespace ict::gateway {

CollectionPage<domain::AzureEntitlement>
parseAzureEntitlementPage(const std::string& body, const std::string& call,
                          const std::string& planSubscriptionId) {
    return parseCollection<domain::AzureEntitlement>(
        body, call,
        [&](const Poco::JSON::Object::Ptr& object, const std::string& c, const std::string& where) {
            domain::AzureEntitlement entitlement;
            entitlement.id = Poco::toLower(json::requiredString(object, "id", c, where));
            entitlement.friendlyName = json::optionalString(object, "friendlyName", c, where);
            entitlement.status = Poco::toLower(json::optionalString(object, "status", c, where));
            entitlement.planSubscriptionId =
                Poco::toLower(json::optionalString(object, "subscriptionId", c, where));
            if (entitlement.planSubscriptionId.empty())
                entitlement.planSubscriptionId = Poco::toLower(planSubscriptionId);
            return entitlement;
        });
}

} // namespace ict::gateway
