#include "gateway/ThrottleController.h"

#include <algorithm>
#include <thread>

namespace ict::gateway {

namespace {
constexpr std::uint64_t kWindowsKept = 4;
}

ThrottleController::ThrottleController(double requestsPerMinute, Clock clock, ThrottleTuning tuning)
    : _configured(std::max(tuning.floorPerMinute, requestsPerMinute)), _tuning(tuning),
      _clock(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })),
      _curve(_configured, tuning.recoveryTime) {
    _refilled = _clock();
    openWindow(Opening::Start, _refilled, _curve);
}

bool ThrottleController::inEpisode(TimePoint now) const {
    // Quiet in time and in answers: at a low rate, throttling independent of it leaves more
    // than episodeQuiet between 429s, and each new episode would decrease unjudged.
    return _anyThrottled &&
           (now - _last429 < _tuning.episodeQuiet || _answersSince429 < _tuning.minSamples);
}

double ThrottleController::rate(TimePoint now) const {
    return std::max(_tuning.floorPerMinute, _curve.rateAt(now));
}

void ThrottleController::refill(TimePoint now) {
    if (now < _pausedUntil) {
        _tokens = 0.0;
        _refilled = now;
        return;
    }
    if (_refilled < _pausedUntil) {
        // No burst after a pause: one token at its end, then the rate.
        _tokens = 1.0;
        _refilled = _pausedUntil;
    }
    const double perSecond = rate(now) / 60.0;
    const double seconds = std::chrono::duration<double>(now - _refilled).count();
    // While throttled, no bursts: calls back from their Retry-After would otherwise spend a
    // second's worth at once and meet an empty server bucket.
    const double capacity = inEpisode(now) ? 1.0 : std::max(1.0, perSecond);
    _tokens = std::min(capacity, _tokens + std::max(0.0, seconds) * perSecond);
    _refilled = std::max(_refilled, now);
}

bool ThrottleController::tryAcquire(Ticket& ticket, TimePoint& retryAt) {
    std::lock_guard<std::mutex> lock(_mutex);
    const TimePoint now = _clock();
    refill(now);
    if (_tokens >= 1.0) {
        _tokens -= 1.0;
        ticket.window = _window;
        _sent.sent(now);
        _windows.at(_window).shares.sent();
        return true;
    }
    if (now < _pausedUntil) {
        retryAt = _pausedUntil;
        return false;
    }
    // Rounded up to whole microseconds: the token is there by then despite rounding.
    const double seconds = (1.0 - _tokens) * 60.0 / rate(now);
    retryAt =
        now + std::max(std::chrono::microseconds(1), std::chrono::ceil<std::chrono::microseconds>(
                                                         std::chrono::duration<double>(seconds)));
    return false;
}

bool ThrottleController::acquire(const RequestContext& context, Ticket& ticket) {
    for (;;) {
        TimePoint retryAt;
        if (tryAcquire(ticket, retryAt))
            return true;
        if (context.cancelled())
            return false;
        // Short naps keep cancellation responsive during long pauses.
        const auto wait = retryAt - _clock();
        std::this_thread::sleep_for(std::clamp<std::chrono::steady_clock::duration>(
            wait, std::chrono::microseconds(100), std::chrono::milliseconds(100)));
    }
}

ThrottleController::Window* ThrottleController::windowOf(const Ticket& ticket) {
    const auto found = _windows.find(ticket.window);
    return found == _windows.end() ? nullptr : &found->second;
}

void ThrottleController::openWindow(Opening opening, TimePoint now,
                                    const CubicRecovery& curveBefore) {
    if (!_windows.empty()) {
        _windows.at(_window).shares.to = now;
        ++_window;
    }
    Window window{opening, now, curveBefore, ShareWindow{}};
    window.shares.from = now;
    _windows.emplace(_window, window);
    while (_windows.begin()->first + kWindowsKept <= _window)
        _windows.erase(_windows.begin());
}

void ThrottleController::answered(const Ticket& ticket) {
    std::lock_guard<std::mutex> lock(_mutex);
    ++_answersSince429;
    if (Window* window = windowOf(ticket))
        window->shares.answered(false, _clock());
}

ThrottleController::Reaction ThrottleController::throttled(const Ticket& ticket,
                                                           std::chrono::milliseconds retryAfter) {
    std::lock_guard<std::mutex> lock(_mutex);
    const TimePoint now = _clock();
    Reaction reaction;
    reaction.wait = retryAfter;
    ++_counters.throttled;
    if (Window* window = windowOf(ticket))
        window->shares.answered(true, now);
    const bool newEpisode = !inEpisode(now);
    _anyThrottled = true;
    _last429 = now;
    _answersSince429 = 0;
    if (newEpisode)
        _episodeStart = now;
    if (now >= _suspendedUntil) {
        if (newEpisode) {
            refill(now);
            _previousPauseEnd = _pausedUntil;
            _pausedUntil = std::max(_pausedUntil, now + retryAfter);
            ++_counters.pauses;
            reaction.paused = true;
        }
        // Only a 429 to a request sent after the last decrease (or undo) may decrease again.
        if (ticket.window == _window)
            decide(now, newEpisode, reaction);
    }
    reaction.ratePerMinute = rate(now);
    return reaction;
}

void ThrottleController::decide(TimePoint now, bool newEpisode, Reaction& reaction) {
    if (newEpisode) {
        decrease(now, true);
        reaction.decreased = true;
        return;
    }
    const Window& current = _windows.at(_window);
    if (current.shares.answers < _tuning.minSamples)
        return;
    // The first decrease of an episode is not judged: the window before it is unthrottled time.
    const auto before = _windows.find(_window - 1);
    const bool judged = current.opening == Opening::Decrease && current.openedAt >= _episodeStart &&
                        before != _windows.end();
    if (judged && judgeDecrease(before->second.shares, current.shares, now, _tuning.minSamples,
                                _tuning.beta) == DecreaseVerdict::DidNotHelp) {
        refill(now);
        _curve = current.curveBefore;
        _suspendedUntil = now + _tuning.suspension;
        ++_counters.undone;
        reaction.undone = true;
        openWindow(Opening::Undo, now, _curve);
        return;
    }
    decrease(now, false);
    reaction.decreased = true;
}

void ThrottleController::decrease(TimePoint now, bool firstOfEpisode) {
    refill(now);
    const CubicRecovery before = _curve;
    // From the rate requests actually went out at, when the workers used less than allowed,
    // measured since the last pause ended (nothing could go during it).
    const TimePoint since = now < _pausedUntil ? _previousPauseEnd : _pausedUntil;
    _curve.decrease(now, _tuning.beta, _sent.perMinute(now, since).value_or(1e300));
    _tokens = std::min(_tokens, std::max(1.0, rate(now) / 60.0));
    ++_counters.decreases;
    openWindow(firstOfEpisode ? Opening::FirstDecrease : Opening::Decrease, now, before);
    if (now < _pausedUntil)
        _windows.at(_window).shares.counting = false;
}

double ThrottleController::currentRequestsPerMinute() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return rate(_clock());
}

ThrottleController::Counters ThrottleController::counters() const {
    std::lock_guard<std::mutex> lock(_mutex);
    Counters counters = _counters;
    counters.ratePerMinute = rate(_clock());
    return counters;
}

} // namespace ict::gateway
