#pragma once
/// Retry delays: exponential (base * 2^(attempt-1), capped) with jitter in [delay/2, delay], and a
/// sleep that wakes early when the caller cancels. Thread-safe.

#include "gateway/RequestContext.h"

#include <chrono>

namespace ict::gateway {

class Backoff {
public:
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds max);

    /// Delay before retry number `attempt` (1 = the first retry).
    std::chrono::milliseconds delay(int attempt) const;

    /// Sleeps `duration`; returns false, early, when `context` is cancelled.
    static bool sleep(std::chrono::milliseconds duration, const RequestContext& context);

private:
    std::chrono::milliseconds _base;
    std::chrono::milliseconds _max;
};

} // namespace ict::gateway
