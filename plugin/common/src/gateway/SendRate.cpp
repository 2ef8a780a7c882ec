#include "gateway/SendRate.h"

#include <algorithm>

namespace ict::gateway {

SendRate::SendRate(std::size_t kept, std::size_t needed, std::chrono::seconds horizon)
    : _kept(kept), _needed(needed), _horizon(horizon) {}

void SendRate::forget(TimePoint now) {
    while (!_sends.empty() && (_sends.size() > _kept || now - _sends.front() > _horizon))
        _sends.pop_front();
}

void SendRate::sent(TimePoint at) {
    _sends.push_back(at);
    forget(at);
}

std::optional<double> SendRate::perMinute(TimePoint now, TimePoint since) {
    forget(now);
    const auto first = std::lower_bound(_sends.begin(), _sends.end(), since);
    const auto count = static_cast<std::size_t>(_sends.end() - first);
    if (count < _needed)
        return std::nullopt;
    // From `since` unless older sends were forgotten; up to now, not to the last send: workers
    // that all wait count as a lower rate.
    const TimePoint start = first == _sends.begin() ? std::max(since, *first) : since;
    const double seconds = std::chrono::duration<double>(now - start).count();
    if (seconds <= 0)
        return std::nullopt;
    return 60.0 * static_cast<double>(count) / seconds;
}

} // namespace ict::gateway
