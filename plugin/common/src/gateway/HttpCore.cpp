#include "gateway/HttpCore.h"

#include "gateway/ApiErrorBody.h"
#include "gateway/BoundedBody.h"
#include "gateway/GatewayError.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

namespace ict::gateway {

struct HttpCore::Attempt {
    /// Refused: an answer the client will not read (larger than the cap), never retried.
    enum class Outcome { Answered, Transient, TlsRefused, Refused } outcome = Outcome::Answered;
    int status = 0;
    std::string body;
    std::string retryAfter;
    Poco::Net::NameValueCollection headers;
    std::string failure;         ///< What went wrong for Transient/TlsRefused, no secrets.
    bool mayHaveArrived = false; ///< Writing the request had begun.
};

namespace {

/// Sets `wait` to the reaction's and says what changed for the instance, for the retry's log line.
std::string describe(const ThrottleController::Reaction& reaction,
                     std::chrono::milliseconds& wait) {
    wait = reaction.wait;
    const std::string rate = std::to_string(static_cast<long long>(reaction.ratePerMinute));
    std::string note;
    if (reaction.paused)
        note += "; every request of the instance paused as long";
    if (reaction.decreased)
        note += "; request rate lowered to " + rate + "/min";
    if (reaction.undone)
        note += "; the last rate decrease undone (these 429s do not follow the rate), rate " +
                rate + "/min";
    return note;
}

} // namespace

HttpCore::HttpCore(Poco::Net::Context::Ptr context, const ClientOptions& options,
                   GatewayLogger& logger)
    : _context(std::move(context)), _options(options), _logger(logger),
      _backoff(options.backoffBase, options.backoffMax), _throttle(options.requestsPerMinute),
      _inFlight(options.maxInFlight) {}

SessionPool& HttpCore::poolFor(const std::string& host, std::uint16_t port) {
    std::lock_guard<std::mutex> lock(_poolsMutex);
    auto& pool = _pools[host + ":" + std::to_string(port)];
    if (!pool)
        pool = std::make_unique<SessionPool>(host, port, _context, _options.connectTimeout,
                                             _options.ioTimeout, _options.maxIdleSessionsPerHost);
    return *pool;
}

int HttpCore::sessionsCreated(const std::string& host, std::uint16_t port) {
    return poolFor(host, port).created();
}

void HttpCore::log(GatewayLogLevel level, const std::string& text, const HttpCall& call,
                   const RequestContext& context) {
    _logger.log(level, text + " MS-RequestId=" + call.requestId +
                           " MS-CorrelationId=" + context.correlationId);
}

HttpCore::Attempt HttpCore::sendOnce(SessionPool& pool, const HttpCall& call,
                                     const RequestContext& context) {
    Attempt attempt;
    auto session = pool.acquire(!call.replayAfterSend);
    try {
        if (!call.replayAfterSend)
            session->open(); // a failure here sent nothing: it may be retried
        Poco::Net::HTTPRequest request(call.method, call.target, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        request.set("Accept", "application/json");
        request.set("MS-RequestId", call.requestId);
        if (!context.correlationId.empty())
            request.set("MS-CorrelationId", context.correlationId);
        for (const auto& [key, value] : call.headers)
            request.set(key, value);
        if (!call.body.empty()) {
            request.setContentType(call.contentType);
            request.setContentLength(static_cast<std::streamsize>(call.body.size()));
        }
        const auto deadline = std::chrono::steady_clock::now() + _options.callTimeout;
        attempt.mayHaveArrived = true;
        std::ostream& out = session->sendRequest(request);
        out << call.body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        switch (readBoundedBody(in, _options.maxResponseBytes, deadline, attempt.body)) {
        case BodyReadOutcome::TooLarge:
            attempt.outcome = Attempt::Outcome::Refused;
            attempt.failure = "answer larger than " + std::to_string(_options.maxResponseBytes) +
                              " bytes; not read further";
            return attempt;
        case BodyReadOutcome::TooSlow:
            attempt.outcome = Attempt::Outcome::Transient;
            attempt.failure = "timeout: the answer took longer than " +
                              std::to_string(_options.callTimeout.count()) + " ms";
            return attempt;
        case BodyReadOutcome::Complete:
            break;
        }
        attempt.status = static_cast<int>(response.getStatus());
        attempt.retryAfter = response.get("Retry-After", "");
        for (const auto& [name, value] : response)
            attempt.headers.add(name, value);
        const auto expected = response.getContentLength64();
        if (expected != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH &&
            static_cast<Poco::Int64>(attempt.body.size()) < expected) {
            // The peer closed mid-body: Poco returns what arrived without an error.
            attempt.outcome = Attempt::Outcome::Transient;
            attempt.failure = "connection cut after " + std::to_string(attempt.body.size()) +
                              " of " + std::to_string(expected) + " bytes";
            return attempt;
        }
        if (response.getKeepAlive())
            pool.release(std::move(session));
        return attempt;
    } catch (const Poco::Net::CertificateValidationException& e) {
        attempt.outcome = Attempt::Outcome::TlsRefused;
        attempt.failure = "certificate refused: " + e.message();
    } catch (const Poco::Net::SSLException& e) {
        const std::string text = e.displayText();
        const bool refused = text.find("certificate") != std::string::npos ||
                             text.find("alert") != std::string::npos;
        attempt.outcome = refused ? Attempt::Outcome::TlsRefused : Attempt::Outcome::Transient;
        attempt.failure = (refused ? "TLS handshake refused: " : "TLS error: ") + text;
    } catch (const Poco::TimeoutException&) {
        attempt.outcome = Attempt::Outcome::Transient;
        attempt.failure = "timeout";
    } catch (const Poco::Exception& e) {
        attempt.outcome = Attempt::Outcome::Transient;
        attempt.failure = "connection failed: " + e.displayText();
    } catch (const std::exception& e) {
        attempt.outcome = Attempt::Outcome::Transient;
        attempt.failure = std::string("connection failed: ") + e.what();
    }
    return attempt;
}

HttpResponse HttpCore::execute(const std::string& host, std::uint16_t port, HttpCall& call,
                               const RequestContext& context) {
    if (call.requestId.empty())
        call.requestId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    SessionPool& pool = poolFor(host, port);
    const int maxAttempts = std::max(1, _options.maxAttempts);
    std::string lastFailure;
    bool lastWasThrottle = false;
    int lastStatus = 0;
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        if (context.cancelled())
            throw GatewayError::cancelled(call.name);
        ThrottleController::Ticket ticket;
        if (call.rateLimited && !_throttle.acquire(context, ticket))
            throw GatewayError::cancelled(call.name);
        const auto started = std::chrono::steady_clock::now();
        Attempt result;
        {
            InFlightLimit::Slot slot(_inFlight);
            result = sendOnce(pool, call, context);
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
        const std::string head = call.method + " " + call.target;
        const std::string tail = " (attempt " + std::to_string(attempt) + "/" +
                                 std::to_string(maxAttempts) + ", " + std::to_string(ms) + " ms)";
        if (result.outcome == Attempt::Outcome::TlsRefused) {
            log(GatewayLogLevel::Error, head + " -> " + result.failure + tail, call, context);
            throw GatewayError(GatewayErrorKind::TlsFailure, call.name,
                               "failed: " + result.failure);
        }
        if (result.outcome == Attempt::Outcome::Refused) {
            log(GatewayLogLevel::Error, head + " -> " + result.failure + tail, call, context);
            throw GatewayError::malformed(call.name, result.failure);
        }
        if (result.outcome == Attempt::Outcome::Transient && result.mayHaveArrived &&
            !call.replayAfterSend) {
            log(GatewayLogLevel::Error,
                head + " -> " + result.failure + tail + ", not sent again: it may have arrived",
                call, context);
            throw GatewayError(GatewayErrorKind::AnswerLost, call.name,
                               "failed: " + result.failure +
                                   " once the request was written; not sent again, since the "
                                   "server may have carried it out");
        }
        std::chrono::milliseconds wait{0};
        std::string note; ///< what a 429 did to the instance's pace
        if (result.outcome == Attempt::Outcome::Transient) {
            lastFailure = result.failure;
            lastWasThrottle = false;
            lastStatus = 0;
            wait = _backoff.delay(attempt);
        } else if (result.status == 429) {
            lastFailure = "HTTP 429";
            lastWasThrottle = true;
            lastStatus = 429;
            std::optional<int> seconds = parseRetryAfterHeader(result.retryAfter);
            if (!seconds)
                seconds = ApiErrorBody::parse(result.body).retryAfterSeconds;
            wait = seconds ? std::min<std::chrono::milliseconds>(std::chrono::seconds(*seconds),
                                                                 _options.retryAfterMax)
                           : _backoff.delay(attempt);
            if (call.rateLimited)
                note = describe(_throttle.throttled(ticket, wait), wait);
        } else if (result.status == 408 || result.status >= 500) {
            lastFailure = "HTTP " + std::to_string(result.status);
            lastWasThrottle = false;
            lastStatus = result.status;
            wait = _backoff.delay(attempt);
            if (call.rateLimited)
                _throttle.answered(ticket);
        } else {
            if (call.rateLimited)
                _throttle.answered(ticket);
            log(result.status < 400 ? GatewayLogLevel::Debug : GatewayLogLevel::Info,
                head + " -> HTTP " + std::to_string(result.status) + tail, call, context);
            return HttpResponse{result.status, std::move(result.body), attempt,
                                std::move(result.headers)};
        }
        if (attempt == maxAttempts) {
            log(GatewayLogLevel::Error, head + " -> " + lastFailure + tail + ", giving up", call,
                context);
            break;
        }
        log(GatewayLogLevel::Warning,
            head + " -> " + lastFailure + tail + ", retrying in " + std::to_string(wait.count()) +
                " ms" + note,
            call, context);
        if (!Backoff::sleep(wait, context))
            throw GatewayError::cancelled(call.name);
    }
    const std::string detail = "failed after " + std::to_string(maxAttempts) +
                               (maxAttempts == 1 ? " attempt: " : " attempts: ") + lastFailure;
    throw GatewayError(lastWasThrottle ? GatewayErrorKind::ThrottledExhausted
                                       : GatewayErrorKind::TransientExhausted,
                       call.name, detail, lastStatus);
}

} // namespace ict::gateway
