#pragma once
/// The client-side rate of one instance over time, CUBIC-like (RFC 9438's window curve applied
/// to a request rate): before any decrease it is the configured rate; a decrease at t0 from rate
/// W lowers it to beta x W, then it climbs back concavely (fast at first, flattening as it nears
/// W, the rate that was throttled) and past W convexly (slowly at first, then faster) up to the
/// configured rate, which it reaches T = `recoveryTime` after t0:
///     rate = W - (1 - beta) W (1 - t / K)^3                       for t <= K,
///     rate = W + (configured - W) ((t - K) / (T - K))^3           for K < t < T,
///     K = T (1 + W / configured) / 2.
/// K is the time back at W: T for W = configured (the whole recovery is concave), T/2 for a W
/// far below it. (CUBIC's own K, from the distance to climb, would bring a W far below the
/// configured rate back within seconds, before the next answers could tell whether the decrease
/// helped.) A plain value (copy it to keep a curve for an undo); not thread-safe.

#include <chrono>

namespace ict::gateway {

class CubicRecovery {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    CubicRecovery(double configuredPerMinute, std::chrono::duration<double> recoveryTime);

    /// Lowers the rate to `beta` x W and starts a new curve there, W = its value at `now` or
    /// `used` (the rate requests actually went out at), whichever is lower.
    void decrease(TimePoint now, double beta, double used = 1e300);
    /// Requests per minute at `now` (at most the configured rate).
    double rateAt(TimePoint now) const;

private:
    double _configured;
    double _recoverySeconds; ///< T
    bool _decreased = false;
    TimePoint _at{};
    double _from = 0; ///< W
    double _drop = 0; ///< (1 - beta) W
    double _k = 0;    ///< seconds back to W
};

} // namespace ict::gateway
