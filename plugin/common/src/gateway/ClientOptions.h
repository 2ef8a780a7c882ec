#pragma once
/// Tunables of one Partner Center client (one instance). Defaults suit production; tests shrink
/// the delays. Durations are milliseconds unless named otherwise.

#include <chrono>
#include <cstddef>

namespace ict::gateway {

struct ClientOptions {
    int maxAttempts = 5; ///< Attempts per call for 429, 5xx, timeouts, cut connections.
    std::chrono::milliseconds backoffBase{500};      ///< First retry delay; doubles each attempt.
    std::chrono::milliseconds backoffMax{30000};     ///< Cap of one backoff delay (before jitter).
    std::chrono::milliseconds retryAfterMax{300000}; ///< Longest Retry-After honoured per wait.
    double requestsPerMinute = 300;                  ///< Client-side token bucket per instance.
    int maxInFlight = 4;                             ///< Concurrent requests per instance.
    int maxIdleSessionsPerHost = 4;                  ///< Keep-alive sessions kept per host.
    std::chrono::milliseconds connectTimeout{15000};
    std::chrono::milliseconds ioTimeout{60000}; ///< Send and receive timeout of each read/write.
    /// One attempt from sending to the body's last byte; a slower answer counts as a timeout.
    std::chrono::milliseconds callTimeout{300000};
    /// Largest answer body read; a longer one fails the call as malformed, without a retry.
    std::size_t maxResponseBytes = 32u << 20;
    /// Pages one list may take (at 500 per page, ten million items) before it fails as an
    /// endless list; a list also fails at its first repeated continuation token, or after
    /// maxEmptyPages pages in a row without items that still say there is more.
    int maxPages = 20000;
    int maxEmptyPages = 3;
    std::chrono::seconds tokenRefreshMargin{
        300};           ///< Refresh the access token this long before expiry.
    int pageSize = 500; ///< size= of customer list pages.
    std::chrono::hours refreshTokenLifetime{24 * 90}; ///< Inactivity window of a rotated token.
};

} // namespace ict::gateway
