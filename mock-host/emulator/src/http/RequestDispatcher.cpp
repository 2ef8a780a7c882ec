#include "http/RequestDispatcher.h"

#include "control/ControlEndpoint.h"
#include "http/ResponseWriter.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

namespace mockhost::emulator {

RequestDispatcher::RequestDispatcher(EmulatorState& state, const Router& router)
    : _state(state), _router(router) {}

ApiRequest RequestDispatcher::read(Poco::Net::HTTPServerRequest& request) {
    ApiRequest api;
    api.method = request.getMethod();
    const Poco::URI uri(request.getURI());
    api.path = uri.getPath();
    Poco::StringTokenizer parts(api.path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    api.segments.assign(parts.begin(), parts.end());
    for (const auto& parameter : uri.getQueryParameters())
        api.query[Poco::toLower(parameter.first)] = parameter.second;
    for (const auto& header : request)
        api.headers.add(header.first, header.second);
    Poco::StreamCopier::copyToString(request.stream(), api.body);
    return api;
}

void RequestDispatcher::pause(int milliseconds) {
    // Sleep in slices so a stopping server does not wait for a long injected delay.
    for (int waited = 0; waited < milliseconds && !_state.stopping(); waited += 20)
        Poco::Thread::sleep(std::min(20, milliseconds - waited));
}

bool RequestDispatcher::admit(ApiRequest& request, Reply& refusal) {
    const CompatibilityOptions compatibility = _state.compatibility();
    const std::string authorization = request.headers.get("Authorization", "");
    std::string token;
    if (Poco::icompare(authorization.substr(0, 7), "Bearer ") == 0)
        token = Poco::trim(authorization.substr(7));
    switch (_state.checkAccess(token, &request.appOnly)) {
    case AccessTokenState::Valid:
        break;
    case AccessTokenState::Missing:
        refusal = Reply::partnerError(401, 800001, "Partner Token missing in request context",
                                      compatibility);
        refusal.headers.emplace_back("WWW-Authenticate", "Bearer");
        return false;
    case AccessTokenState::Unknown:
        refusal = Reply::partnerError(401, 400, "Access denied", compatibility);
        refusal.headers.emplace_back("WWW-Authenticate", "Bearer");
        return false;
    case AccessTokenState::Expired:
        refusal = Reply::partnerError(401, compatibility.expiredAccessTokenCode,
                                      "The access token has expired.", compatibility);
        refusal.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return false;
    }
    const int retryAfter = _state.rateLimiter().acquire(_state.partnerTenantId());
    if (retryAfter > 0) {
        refusal = throttled(retryAfter);
        return false;
    }
    return true;
}

bool RequestDispatcher::isCustomerResource(const ApiRequest& request) {
    return request.segments.size() >= 3 && Poco::icompare(request.segments[1], "customers") == 0;
}

Reply RequestDispatcher::throttled(int retryAfterSeconds) {
    const std::string message =
        "Rate limit is exceeded. Try again in " + std::to_string(retryAfterSeconds) + " seconds.";
    const FaultSettings faults = _state.faults();
    Reply reply = faults.throttleBody == ThrottleBody::Gateway
                      ? Reply::gatewayError(429, message)
                      : Reply::partnerError(429, 429, message, _state.compatibility());
    if (faults.retryAfterHeader)
        reply.headers.emplace_back("Retry-After", std::to_string(retryAfterSeconds));
    _state.counters().increment("throttled", false);
    return reply;
}

void RequestDispatcher::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
    ApiRequest api = read(request);
    auto echo = [&](Reply& reply) {
        for (const char* name : {"MS-RequestId", "MS-CorrelationId"}) {
            const std::string value = api.headers.get(
                name, Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
            reply.headers.emplace_back(name, value);
        }
        reply.headers.emplace_back("MS-ServerId", "emulator");
    };

    if (!api.segments.empty() && api.segments.front() == "_emulator") {
        _state.counters().increment("control", false);
        Reply reply = ControlEndpoint::serve(_state, api);
        ResponseWriter::send(response, reply);
        return;
    }

    bool wrongMethod = false;
    const Route* route = _router.match(api, wrongMethod);
    const bool partnerCenter = !api.segments.empty() && Poco::icompare(api.segments[0], "v1") == 0;
    _state.counters().increment(route ? route->name : "unknown", true);
    // Headers only a client that copies links.next.headers unchecked sends (hostilePaging).
    if (api.headers.has("X-Injected") || api.headers.has("X-Forged"))
        _state.counters().increment("forgedHeaders", false);
    pause(_state.faults().latencyMs);

    Reply reply;
    if (route && route->kind == RouteKind::Token) {
        pause(_state.faults().tokenLatencyMs);
        reply = route->serve(_state, api);
        if (reply.dropConnection) {
            ResponseWriter::drop(request, response);
            return;
        }
        echo(reply);
        ResponseWriter::send(response, reply);
        return;
    }
    if (!partnerCenter) {
        reply = Reply::gatewayError(404, "Resource not found");
        echo(reply);
        ResponseWriter::send(response, reply);
        return;
    }
    if (!admit(api, reply)) {
        echo(reply);
        ResponseWriter::send(response, reply);
        return;
    }

    int serverErrorStatus = 500;
    const Fault fault = _state.faultInjector().next(serverErrorStatus);
    // Counted after the random draw, so the every-Nth fault leaves the random sequence alone.
    if (isCustomerResource(api) && _state.faultInjector().countCustomerCall()) {
        reply = throttled(std::max(0, _state.faults().throttleEveryNthRetryAfterSeconds));
        echo(reply);
        ResponseWriter::send(response, reply);
        return;
    }
    if (fault != Fault::None)
        _state.counters().increment("faults", false);
    const CompatibilityOptions compatibility = _state.compatibility();
    if (fault == Fault::Timeout) {
        pause(std::min(_state.faults().timeoutHangMs, 120000));
        ResponseWriter::drop(request, response);
        return;
    }
    if (route && route->appUserOnly && api.appOnly) {
        reply = Reply::partnerError(403, 900329,
                                    "This API doesn't support application-only authentication.",
                                    compatibility);
    } else if (fault == Fault::Throttled) {
        reply = throttled(std::max(0, _state.faults().throttleRetryAfterSeconds));
    } else if (fault == Fault::ServerError) {
        reply = Reply::partnerError(serverErrorStatus, serverErrorStatus,
                                    "An internal error occurred. Please retry.", compatibility);
    } else if (route) {
        try {
            reply = route->serve(_state, api);
        } catch (const std::exception& e) {
            reply = Reply::partnerError(500, 500, std::string("Emulator error: ") + e.what(),
                                        compatibility);
        }
    } else if (wrongMethod) {
        reply = Reply::partnerError(405, 405, "Method " + api.method + " is not allowed here.",
                                    compatibility);
    } else {
        reply = Reply::partnerError(404, 1000, "Not found: " + api.path, compatibility);
    }
    echo(reply);
    switch (fault) {
    case Fault::CutConnection:
        ResponseWriter::sendCut(request, response, reply);
        return;
    case Fault::Malformed:
        ResponseWriter::send(response, ResponseWriter::malformed(reply));
        return;
    case Fault::Truncated:
        ResponseWriter::send(response, ResponseWriter::truncated(reply));
        return;
    case Fault::SlowBody:
        ResponseWriter::sendTrickled(response, reply,
                                     std::min(_state.faults().slowBodyChunkDelayMs, 5000));
        return;
    default:
        ResponseWriter::send(response, reply);
    }
}

} // namespace mockhost::emulator
