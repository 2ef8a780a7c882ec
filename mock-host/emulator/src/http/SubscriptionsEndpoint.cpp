#include "http/SubscriptionsEndpoint.h"

#include "data/AzureEntitlements.h"
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

namespace {

/// Serves `serve(customer, subscription)` for the request's {subscriptionId}, or Partner Center's
/// 404 (code 20003) when the customer has no such subscription.
template <typename Serve>
Reply withSubscription(EmulatorState& state, const ApiRequest& request, Serve serve) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string id = request.param("subscriptionId");
    return CustomerEndpoint::withCustomer(
        state, request, [&](const DataSet& data, const Customer& customer) {
            const Subscription* subscription = data.findSubscription(customer, id);
            if (!subscription)
                return Reply::partnerError(404, 20003, "Subscription " + id + " not found.",
                                           compatibility);
            return serve(customer, *subscription);
        });
}

std::string subscriptionPath(const Customer& customer, const Subscription& subscription,
                             const std::string& tail) {
    return "/customers/" + customer.id + "/subscriptions/" + subscription.id + tail;
}

} // namespace

Reply SubscriptionsEndpoint::get(EmulatorState& state, const ApiRequest& request) {
    return withSubscription(state, request, [](const Customer& customer, const Subscription& s) {
        return Reply::json(200, ResourceJson::subscription(customer.id, s));
    });
}

Reply SubscriptionsEndpoint::addOns(EmulatorState& state, const ApiRequest& request) {
    return withSubscription(state, request, [](const Customer& customer, const Subscription& base) {
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& subscription : customer.subscriptions)
            if (Poco::icompare(subscription.parentSubscriptionId, base.id) == 0)
                items->add(ResourceJson::subscription(customer.id, subscription));
        return Reply::json(
            200, CollectionJson::make(items, subscriptionPath(customer, base, "/addons")));
    });
}

Reply SubscriptionsEndpoint::azureEntitlements(EmulatorState& state, const ApiRequest& request) {
    return withSubscription(state, request, [](const Customer& customer, const Subscription& plan) {
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& entitlement : azureEntitlementsOf(plan))
            items->add(ResourceJson::azureEntitlement(plan.id, entitlement));
        return Reply::json(200, CollectionJson::make(
                                    items, subscriptionPath(customer, plan, "/azureEntitlements")));
    });
}

} // namespace mockhost::emulator
