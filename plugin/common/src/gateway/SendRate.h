#pragma once
/// The rate at which requests actually went out lately: the last `kept` send times within
/// `horizon`. A decrease starts from it when it is below the allowed rate (cutting an allowance
/// the workers do not use changes nothing, RFC 7661's reasoning). Not thread-safe.

#include <chrono>
#include <deque>
#include <optional>

namespace ict::gateway {

class SendRate {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit SendRate(std::size_t kept = 32, std::size_t needed = 8,
                      std::chrono::seconds horizon = std::chrono::seconds(10));

    void sent(TimePoint at);
    /// Requests per minute over the sends kept since `since`, up to `now`; empty with fewer than
    /// `needed` of them.
    std::optional<double> perMinute(TimePoint now, TimePoint since = TimePoint::min());

private:
    void forget(TimePoint now);

    std::size_t _kept;
    std::size_t _needed;
    std::chrono::seconds _horizon;
    std::deque<TimePoint> _sends;
};

} // namespace ict::gateway
