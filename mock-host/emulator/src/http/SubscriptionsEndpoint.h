#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// GET /v1/customers/{customerId}/subscriptions[?mpn_id=|order_id=] (the whole collection, no
/// paging), /subscriptions/{subscriptionId} (404 code 20003 when unknown) and
/// /subscriptions/{subscriptionId}/addons and /subscriptions/{subscriptionId}/azureEntitlements
/// (an Azure plan's Azure subscriptions; an empty collection for any other subscription, whose
/// answer Partner Center does not document). Customer errors as CustomerEndpoint.
class SubscriptionsEndpoint {
public:
    static Reply list(EmulatorState& state, const ApiRequest& request);
    static Reply get(EmulatorState& state, const ApiRequest& request);
    static Reply addOns(EmulatorState& state, const ApiRequest& request);
    static Reply azureEntitlements(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
