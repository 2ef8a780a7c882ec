#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"
#include "http/Router.h"

#include <Poco/Net/HTTPRequestHandler.h>

namespace mockhost::emulator {

/// Answers one request: counts it, adds latency, then sends control requests to the control API,
/// token requests to the token endpoint, and /v1 requests through authentication, the rate
/// limit and fault injection to their endpoint. Every answer echoes MS-RequestId and
/// MS-CorrelationId (new GUIDs when the request had none).
class RequestDispatcher : public Poco::Net::HTTPRequestHandler {
public:
    RequestDispatcher(EmulatorState& state, const Router& router);

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    static ApiRequest read(Poco::Net::HTTPServerRequest& request);
    /// A reply for /v1, or nothing when the request passed auth and rate limit checks.
    bool admit(ApiRequest& request, Reply& refusal);
    /// A 429 in the configured shape (body, Retry-After header), counted as "throttled".
    Reply throttled(int retryAfterSeconds);
    /// /v1/customers/{id} or a path below it (what FaultSettings::throttleEveryNth counts).
    static bool isCustomerResource(const ApiRequest& request);
    void pause(int milliseconds);

    EmulatorState& _state;
    const Router& _router;
};

} // namespace mockhost::emulator
