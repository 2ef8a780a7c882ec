#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace mockhost::emulator {

/// A token bucket per key (the partner tenant): capacity = the per-minute limit, refilled evenly
/// over a minute. Thread-safe.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute);

    /// 0 disables limiting. Refills every bucket.
    void setLimit(int perMinute);
    /// 0 when the request may go ahead (and a token was taken); otherwise the whole seconds
    /// (at least 1) until a token is available.
    int acquire(const std::string& key, Clock::time_point now = Clock::now());
    void reset();

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    std::mutex _mutex;
    int _perMinute;
    std::map<std::string, Bucket> _buckets;
};

} // namespace mockhost::emulator
