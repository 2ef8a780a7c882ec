#include "faults/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace mockhost::emulator {

RateLimiter::RateLimiter(int perMinute) : _perMinute(perMinute) {}

void RateLimiter::setLimit(int perMinute) {
    std::lock_guard<std::mutex> lock(_mutex);
    _perMinute = perMinute;
    _buckets.clear();
}

void RateLimiter::reset() {
    std::lock_guard<std::mutex> lock(_mutex);
    _buckets.clear();
}

int RateLimiter::acquire(const std::string& key, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_perMinute <= 0)
        return 0;
    const double capacity = _perMinute;
    const double perSecond = capacity / 60.0;
    auto found = _buckets.find(key);
    if (found == _buckets.end())
        found = _buckets.emplace(key, Bucket{capacity, now}).first;
    Bucket& bucket = found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * perSecond);
    bucket.updated = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / perSecond)));
}

} // namespace mockhost::emulator
