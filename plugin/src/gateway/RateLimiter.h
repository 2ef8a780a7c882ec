#pragma once
/// Client-side token bucket of one instance: at most `requestsPerMinute` on average, bursts up to
/// one second's worth (at least 1). A 429 halves the current rate (not below 1 per minute); each
/// success wins back 2 % of the configured rate. Thread-safe.

#include "gateway/RequestContext.h"

#include <chrono>
#include <mutex>

namespace ict::gateway {

class RateLimiter {
public:
    explicit RateLimiter(double requestsPerMinute);

    /// Blocks until a request may go. Returns false if `context` was cancelled while waiting.
    bool acquire(const RequestContext& context);
    void slowDown();
    void recover();
    double currentRequestsPerMinute() const;

private:
    void refill(std::chrono::steady_clock::time_point now);

    const double _configured;
    mutable std::mutex _mutex;
    double _rate; // per minute
    double _tokens;
    std::chrono::steady_clock::time_point _last;
};

} // namespace ict::gateway
