#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace mockhost::emulator {

/// A token bucket per key (the partner tenant), refilled evenly at the per-minute limit. It holds
/// `burst` tokens (0 = a minute's worth) and a new bucket starts full. Thread-safe.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute, int burst = 0);

    /// 0 disables limiting. Refills every bucket.
    void setLimit(int perMinute, int burst = 0);
    /// 0 when the request may go ahead (and a token was taken); otherwise the whole seconds
    /// (at least 1) until a token is available.
    int acquire(const std::string& key, Clock::time_point now = Clock::now());
    void reset();

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    double capacity() const;

    std::mutex _mutex;
    int _perMinute;
    int _burst;
    std::map<std::string, Bucket> _buckets;
};

} // namespace mockhost::emulator
