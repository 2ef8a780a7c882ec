#include "gateway/RateLimiter.h"

#include <algorithm>
#include <thread>

namespace ict::gateway {

RateLimiter::RateLimiter(double requestsPerMinute)
    : _configured(std::max(1.0, requestsPerMinute)), _rate(_configured), _tokens(1.0),
      _last(std::chrono::steady_clock::now()) {}

void RateLimiter::refill(std::chrono::steady_clock::time_point now) {
    const double seconds = std::chrono::duration<double>(now - _last).count();
    _last = now;
    const double capacity = std::max(1.0, _rate / 60.0);
    _tokens = std::min(capacity, _tokens + seconds * _rate / 60.0);
}

bool RateLimiter::acquire(const RequestContext& context) {
    for (;;) {
        std::chrono::duration<double> wait{0};
        {
            std::lock_guard<std::mutex> lock(_mutex);
            refill(std::chrono::steady_clock::now());
            if (_tokens >= 1.0) {
                _tokens -= 1.0;
                return true;
            }
            wait = std::chrono::duration<double>((1.0 - _tokens) * 60.0 / _rate);
        }
        if (context.cancelled())
            return false;
        // Short naps keep cancellation responsive during long throttled waits.
        std::this_thread::sleep_for(
            std::min<std::chrono::duration<double>>(wait, std::chrono::milliseconds(100)));
    }
}

void RateLimiter::slowDown() {
    std::lock_guard<std::mutex> lock(_mutex);
    refill(std::chrono::steady_clock::now());
    _rate = std::max(1.0, _rate / 2.0);
    _tokens = std::min(_tokens, std::max(1.0, _rate / 60.0));
}

void RateLimiter::recover() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_rate < _configured) {
        refill(std::chrono::steady_clock::now());
        _rate = std::min(_configured, _rate + _configured * 0.02);
    }
}

double RateLimiter::currentRequestsPerMinute() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _rate;
}

} // namespace ict::gateway
