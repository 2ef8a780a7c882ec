#pragma once
// The GatewayError an action throws; the test fails when it throws none.

#include "gateway/GatewayError.h"

#include <cppunit/TestAssert.h>

#include <stdexcept>

namespace ict::gateway::test {

template <typename F> GatewayError expectError(F action) {
    try {
        action();
    } catch (const GatewayError& e) {
        return e;
    }
    CPPUNIT_FAIL("expected a GatewayError");
    throw std::logic_error("unreachable");
}

} // namespace ict::gateway::test
