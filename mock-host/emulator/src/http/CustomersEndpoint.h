#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// GET /v1/customers[?size=N][&filter=<json>] with seek paging (see SeekPager). Customers that
/// left the partner are not listed.
class CustomersEndpoint {
public:
    static Reply list(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
