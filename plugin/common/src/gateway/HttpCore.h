#pragma once
/// Sends HTTP/1.1 keep-alive requests for one instance with its TLS context, session pools (one per
/// host), token bucket and in-flight bound, and retries what is worth retrying:
///  - 429: Retry-After (header, or "Try again in N seconds" in the body; else the backoff, capped
///    by retryAfterMax) goes to the ThrottleController, which pauses the instance on the first 429
///    of an episode and may lower its rate; the call waits, retries through the token bucket;
///    still 429 after maxAttempts -> ThrottledExhausted;
///  - 408, 5xx, timeouts, cut connections: exponential backoff with jitter, retries; after
///    maxAttempts -> TransientExhausted ("GET /v1/... failed after 5 attempts: HTTP 503"); the
///    rate stays as it is;
///  - certificate refused -> TlsFailure at once; cancellation -> Cancelled, checked between
///    attempts and during waits;
///  - a call with replayAfterSend false (the token POST) is never written twice: a timeout or cut
///    connection once it was written -> AnswerLost at once (see HttpCall).
/// Any other status is returned to the caller. Every request carries Accept: application/json,
/// MS-RequestId (the same across retries of one call) and MS-CorrelationId; every log line carries
/// both ids and never a header value or body. Thread-safe.

#include "gateway/Backoff.h"
#include "gateway/ClientOptions.h"
#include "gateway/GatewayLogger.h"
#include "gateway/HttpCall.h"
#include "gateway/InFlightLimit.h"
#include "gateway/RequestContext.h"
#include "gateway/SessionPool.h"
#include "gateway/ThrottleController.h"

#include <Poco/Net/Context.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace ict::gateway {

class HttpCore {
public:
    HttpCore(Poco::Net::Context::Ptr context, const ClientOptions& options, GatewayLogger& logger);

    /// Sends `call` (its requestId is filled in when empty) to host:port. Throws GatewayError.
    HttpResponse execute(const std::string& host, std::uint16_t port, HttpCall& call,
                         const RequestContext& context);

    ThrottleController& throttle() { return _throttle; }
    const InFlightLimit& inFlight() const { return _inFlight; }
    /// Connections opened to host:port so far.
    int sessionsCreated(const std::string& host, std::uint16_t port);

private:
    struct Attempt;
    Attempt sendOnce(SessionPool& pool, const HttpCall& call, const RequestContext& context);
    SessionPool& poolFor(const std::string& host, std::uint16_t port);
    void log(GatewayLogLevel level, const std::string& text, const HttpCall& call,
             const RequestContext& context);

    Poco::Net::Context::Ptr _context;
    ClientOptions _options;
    GatewayLogger& _logger;
    Backoff _backoff;
    ThrottleController _throttle;
    InFlightLimit _inFlight;
    std::mutex _poolsMutex;
    std::map<std::string, std::unique_ptr<SessionPool>> _pools;
};

} // namespace ict::gateway
