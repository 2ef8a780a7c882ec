#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

#include <functional>

namespace mockhost::emulator {

/// One customer: GET /v1/customers/{customerId}, /profiles/billing, /profiles/company,
/// /relationships. A non-GUID id answers 400 code 2000, an unknown one 404 code 1000, a customer
/// that left 403 code 20002.
class CustomerEndpoint {
public:
    static Reply get(EmulatorState& state, const ApiRequest& request);
    static Reply billingProfile(EmulatorState& state, const ApiRequest& request);
    static Reply companyProfile(EmulatorState& state, const ApiRequest& request);
    static Reply relationships(EmulatorState& state, const ApiRequest& request);

    /// Looks the {customerId} up and runs `render` on it, or answers the matching error.
    static Reply withCustomer(EmulatorState& state, const ApiRequest& request,
                              const std::function<Reply(const DataSet&, const Customer&)>& render);
};

} // namespace mockhost::emulator
