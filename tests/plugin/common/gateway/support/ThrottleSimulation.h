#pragma once
// A discrete-event simulation in virtual time of one instance's workers calling a simulated
// server through a ThrottleController, as HttpCore does: take a token, take an in-flight slot,
// send; the server decides when the request arrives; on a 429 the call waits what the controller
// says and tries again (without an attempt limit), any other answer ends the call. The
// controller's clock is the simulation's.

#include "gateway/ThrottleController.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <queue>
#include <random>
#include <vector>

namespace ict::gateway::test {

using SimTime = std::chrono::steady_clock::time_point;
using SimDuration = std::chrono::steady_clock::duration;

inline SimDuration simSeconds(double seconds) {
    return std::chrono::duration_cast<SimDuration>(std::chrono::duration<double>(seconds));
}

/// What the simulated server answers a request arriving at `now`: 200, or 429 with
/// `retryAfterSeconds`.
class SimServer {
public:
    virtual ~SimServer() = default;
    virtual int answer(SimTime now, int& retryAfterSeconds) = 0;
};

/// Partner Center's per-partner limit as the emulator plays it: a token bucket of `perMinute`
/// holding `burst` tokens, starting with `initial`; a 429 says the whole seconds (at least 1)
/// until the next token.
class TokenBucketServer : public SimServer {
public:
    TokenBucketServer(double perMinute, double burst, double initial, SimTime start)
        : _perSecond(perMinute / 60.0), _burst(burst), _tokens(initial), _updated(start) {}

    int answer(SimTime now, int& retryAfterSeconds) override {
        const double elapsed = std::chrono::duration<double>(now - _updated).count();
        _tokens = std::min(_burst, _tokens + std::max(0.0, elapsed) * _perSecond);
        _updated = std::max(_updated, now);
        if (_tokens >= 1.0) {
            _tokens -= 1.0;
            return 200;
        }
        retryAfterSeconds = std::max(1, static_cast<int>(std::ceil((1.0 - _tokens) / _perSecond)));
        return 429;
    }

private:
    double _perSecond;
    double _burst;
    double _tokens;
    SimTime _updated;
};

/// A 429 with `retryAfterSeconds` on every `n`th request, whatever the rate (Partner Center's
/// per partner+customer throttling as the emulator's throttleEveryNth plays it).
class EveryNthServer : public SimServer {
public:
    EveryNthServer(int n, int retryAfterSeconds) : _n(n), _retryAfter(retryAfterSeconds) {}

    int answer(SimTime, int& retryAfterSeconds) override {
        if (++_count % _n != 0)
            return 200;
        retryAfterSeconds = _retryAfter;
        return 429;
    }

private:
    int _n;
    int _retryAfter;
    std::int64_t _count = 0;
};

/// A 429 with `retryAfterSeconds` on a share `p` of the requests drawn at random (seeded).
class RandomThrottleServer : public SimServer {
public:
    RandomThrottleServer(double p, int retryAfterSeconds, std::uint64_t seed = 1)
        : _p(p), _retryAfter(retryAfterSeconds), _random(seed) {}

    int answer(SimTime, int& retryAfterSeconds) override {
        if (std::uniform_real_distribution<double>(0, 1)(_random) >= _p)
            return 200;
        retryAfterSeconds = _retryAfter;
        return 429;
    }

private:
    double _p;
    int _retryAfter;
    std::mt19937_64 _random;
};

struct SimSettings {
    int calls = 2000;
    int workers = 8;  ///< threads issuing calls (the Get Hierarchy job runs 2 x maxInFlight)
    int inFlight = 4; ///< maxInFlight
    SimDuration latency = std::chrono::milliseconds(100);
    double jitter = 0; ///< each latency drawn uniformly in latency x [1 - jitter, 1 + jitter]
    std::uint64_t seed = 1;
    /// Called with the time and the controller after every answer (rate samples, ...).
    std::function<void(SimTime, const ThrottleController&)> observe;
};

struct SimResult {
    int callsDone = 0;
    std::int64_t requests = 0;
    std::int64_t throttled = 0;
    double seconds = 0;           ///< from the start to the last answer
    double retryAfterSeconds = 0; ///< sum of the Retry-After of every 429
    double minRate = 1e300;       ///< lowest rate seen after an answer
    ThrottleController::Counters counters;

    double throttledShare() const {
        return requests > 0 ? static_cast<double>(throttled) / static_cast<double>(requests) : 0;
    }
    double successesPerMinute() const {
        return seconds > 0 ? 60.0 * static_cast<double>(requests - throttled) / seconds : 0;
    }
};

/// The virtual clock a ThrottleController reads in a simulation.
class SimClock {
public:
    SimTime now = SimTime() + std::chrono::hours(1);
    ThrottleController::Clock clock() {
        return [this] { return now; };
    }
};

/// Runs `settings.calls` calls to their end (needs `clock` to be the controller's).
inline SimResult simulate(ThrottleController& controller, SimClock& clock, SimServer& server,
                          const SimSettings& settings) {
    enum class Step { Acquire, Arrive, Answer };
    struct Event {
        SimTime at;
        std::int64_t order;
        int worker;
        Step step;
        bool operator>(const Event& other) const {
            return at != other.at ? at > other.at : order > other.order;
        }
    };
    struct Worker {
        ThrottleController::Ticket ticket;
        int status = 0;
        int retryAfter = 0;
    };
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events;
    std::vector<Worker> workers(static_cast<std::size_t>(settings.workers));
    std::deque<int> waitingForSlot;
    std::int64_t order = 0;
    std::mt19937_64 random(settings.seed);
    auto halfLatency = [&] {
        const double factor = std::uniform_real_distribution<double>(1 - settings.jitter,
                                                                     1 + settings.jitter)(random);
        return std::chrono::duration_cast<SimDuration>(settings.latency * factor / 2);
    };
    int inFlight = 0;
    int started = 0;
    SimResult result;
    const SimTime start = clock.now;
    auto schedule = [&](SimTime at, int worker, Step step) {
        events.push(Event{at, order++, worker, step});
    };
    auto send = [&](int worker) {
        ++inFlight;
        ++result.requests;
        schedule(clock.now + halfLatency(), worker, Step::Arrive);
    };
    for (int w = 0; w < settings.workers && started < settings.calls; ++w, ++started)
        schedule(clock.now, w, Step::Acquire);
    while (!events.empty()) {
        const Event event = events.top();
        events.pop();
        clock.now = event.at;
        Worker& worker = workers[static_cast<std::size_t>(event.worker)];
        switch (event.step) {
        case Step::Acquire: {
            SimTime retryAt;
            if (!controller.tryAcquire(worker.ticket, retryAt)) {
                schedule(retryAt, event.worker, Step::Acquire);
            } else if (inFlight < settings.inFlight) {
                send(event.worker);
            } else {
                waitingForSlot.push_back(event.worker);
            }
            break;
        }
        case Step::Arrive:
            worker.status = server.answer(clock.now, worker.retryAfter);
            schedule(clock.now + halfLatency(), event.worker, Step::Answer);
            break;
        case Step::Answer: {
            --inFlight;
            if (!waitingForSlot.empty()) {
                const int next = waitingForSlot.front();
                waitingForSlot.pop_front();
                send(next);
            }
            result.seconds = std::chrono::duration<double>(clock.now - start).count();
            if (worker.status == 429) {
                ++result.throttled;
                result.retryAfterSeconds += worker.retryAfter;
                const auto wait =
                    controller.throttled(worker.ticket, std::chrono::seconds(worker.retryAfter))
                        .wait;
                schedule(clock.now + wait, event.worker, Step::Acquire);
            } else {
                controller.answered(worker.ticket);
                ++result.callsDone;
                if (started < settings.calls) {
                    ++started;
                    schedule(clock.now, event.worker, Step::Acquire);
                }
            }
            result.minRate = std::min(result.minRate, controller.currentRequestsPerMinute());
            if (settings.observe)
                settings.observe(clock.now, controller);
            break;
        }
        }
    }
    result.counters = controller.counters();
    return result;
}

} // namespace ict::gateway::test
