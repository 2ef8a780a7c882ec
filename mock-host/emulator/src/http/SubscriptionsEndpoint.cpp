#include "http/SubscriptionsEndpoint.h"

#include "data/ResourceJson.h"
#include "http/CollectionJson.h"
#include "http/CustomerEndpoint.h"

#include <Poco/String.h>

namespace mockhost::emulator {

Reply SubscriptionsEndpoint::list(EmulatorState& state, const ApiRequest& request) {
    const std::string mpnId = request.queryValue("mpn_id");
    const std::string orderId = request.queryValue("order_id");
    return CustomerEndpoint::withCustomer(
        state, request, [&](const DataSet&, const Customer& customer) {
            Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
            for (const auto& subscription : customer.subscriptions) {
                if (request.hasQuery("mpn_id") && subscription.partnerId != mpnId)
                    continue;
                if (request.hasQuery("order_id") &&
                    Poco::icompare(subscription.orderId, orderId) != 0)
                    continue;
                items->add(ResourceJson::subscription(customer.id, subscription));
            }
            return Reply::json(
                200, CollectionJson::make(items, "/customers/" + customer.id + "/subscriptions"));
        });
}

Reply SubscriptionsEndpoint::get(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string id = request.param("subscriptionId");
    return CustomerEndpoint::withCustomer(
        state, request, [&](const DataSet& data, const Customer& customer) {
            const Subscription* subscription = data.findSubscription(customer, id);
            if (!subscription)
                return Reply::partnerError(404, 20003, "Subscription " + id + " not found.",
                                           compatibility);
            return Reply::json(200, ResourceJson::subscription(customer.id, *subscription));
        });
}

Reply SubscriptionsEndpoint::addOns(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string id = request.param("subscriptionId");
    return CustomerEndpoint::withCustomer(
        state, request, [&](const DataSet& data, const Customer& customer) {
            if (!data.findSubscription(customer, id))
                return Reply::partnerError(404, 20003, "Subscription " + id + " not found.",
                                           compatibility);
            Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
            for (const auto& subscription : customer.subscriptions)
                if (Poco::icompare(subscription.parentSubscriptionId, id) == 0)
                    items->add(ResourceJson::subscription(customer.id, subscription));
            return Reply::json(200,
                               CollectionJson::make(items, "/customers/" + customer.id +
                                                               "/subscriptions/" + id + "/addons"));
        });
}

} // namespace mockhost::emulator
