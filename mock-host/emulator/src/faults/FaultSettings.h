#pragma once

#include <cstdint>

namespace mockhost::emulator {

/// Which body a 429 carries: the API gateway's {"statusCode":429,"message":...} (documented in
/// the throttling guidance) or the PartnerFD error shape {code,description,data,source}.
enum class ThrottleBody { Gateway, PartnerFd };

/// Injected misbehaviour of the /v1 endpoints. Rates are probabilities per request (0..1), drawn
/// from a generator seeded with `seed`, so one request sequence gives one fault sequence.
/// The token endpoint's faults are counts instead ("the next N refresh-token grants"), so a test
/// knows which token request meets one; each grant met uses one up.
struct FaultSettings {
    int latencyMs = 0;            ///< added before every answer (token endpoint included)
    int rateLimitPerMinute = 500; ///< per partner tenant, token bucket; 0 = unlimited
    /// Tokens the rate-limit bucket holds (and starts with); 0 = a minute's worth
    /// (rateLimitPerMinute). A small bucket makes the limit bind from the first seconds.
    int rateLimitBurst = 0;
    ThrottleBody throttleBody = ThrottleBody::Gateway;
    /// Off: 429s carry no Retry-After header (only the "Try again in N seconds" text).
    bool retryAfterHeader = true;
    double serverErrorRate = 0.0;   ///< 500/502/503 with a PartnerFD body
    double timeoutRate = 0.0;       ///< hang `timeoutHangMs`, then drop the connection
    int timeoutHangMs = 5000;       ///< keep above the client's timeout; capped at 120000
    double cutConnectionRate = 0.0; ///< send headers and half the body, then reset
    double malformedRate = 0.0;     ///< 200 with a body that is not JSON
    double truncatedRate = 0.0;     ///< 200 with the body cut in half (consistent length)
    /// 429 drawn at random (as a busy Partner Center gives them), apart from the rate limit; the
    /// body and Retry-After header follow throttleBody and retryAfterHeader.
    double throttleRate = 0.0;
    /// 200 whose body arrives 64 bytes at a time, slowBodyChunkDelayMs apart (a peer trickling
    /// just inside a read timeout); the connection closes after it.
    double slowBodyRate = 0.0;
    int slowBodyChunkDelayMs = 200;
    int throttleRetryAfterSeconds = 1; ///< Retry-After (and "Try again in N") of those 429s
    /// Every Nth call to a customer resource (/v1/customers/{id} and any path below it, not the
    /// customer list) answers 429 with throttleEveryNthRetryAfterSeconds, as Partner Center's
    /// per partner+customer throttling does whatever the caller's rate. A counter, not a draw:
    /// calls N, 2N, 3N, ... since the settings were applied. 0 = off. Body and header follow
    /// throttleBody and retryAfterHeader; such a call gets no random fault.
    int throttleEveryNth = 0;
    int throttleEveryNthRetryAfterSeconds = 1;
    std::uint64_t seed = 42;

    // --- the token endpoint, refresh-token grants only
    int tokenLatencyMs = 0; ///< added before every token answer, on top of latencyMs
    /// The next N grants answer 503 before the token is looked at (nothing rotated).
    int tokenServerErrors = 0;
    /// The next N grants of a valid token rotate it (the old one is retired under strict
    /// rotation), then close the connection without an answer: the new token is lost.
    int dropTokenAnswers = 0;
    /// The next N grants of a valid token rotate it and answer 200 with the new refresh_token and
    /// an access_token, but "expires_in":"soon".
    int malformedExpiresIn = 0;
};

} // namespace mockhost::emulator
