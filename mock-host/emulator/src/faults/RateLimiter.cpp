#include "faults/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace mockhost::emulator {

RateLimiter::RateLimiter(int perMinute, int burst) : _perMinute(perMinute), _burst(burst) {}

void RateLimiter::setLimit(int perMinute, int burst) {
    std::lock_guard<std::mutex> lock(_mutex);
    _perMinute = perMinute;
    _burst = burst;
    _buckets.clear();
}

void RateLimiter::reset() {
    std::lock_guard<std::mutex> lock(_mutex);
    _buckets.clear();
}

double RateLimiter::capacity() const {
    return _burst > 0 ? _burst : _perMinute;
}

int RateLimiter::acquire(const std::string& key, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_perMinute <= 0)
        return 0;
    const double perSecond = _perMinute / 60.0;
    auto found = _buckets.find(key);
    if (found == _buckets.end())
        found = _buckets.emplace(key, Bucket{capacity(), now}).first;
    Bucket& bucket = found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity(), bucket.tokens + elapsed * perSecond);
    bucket.updated = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / perSecond)));
}

} // namespace mockhost::emulator
