#pragma once
/// Client-side throttling of one instance's Partner Center requests, after Microsoft's guidance
/// (honour Retry-After, lower the request rate, every retry counts against the limit):
///
/// - Token bucket. A request takes a token; tokens come at the current rate; the bucket holds a
///   second's worth (at least one), one token while an episode lasts (no bursts while throttled).
/// - Pause. The first 429 of a throttling episode pauses every new request of the instance until
///   now + its Retry-After (the caller caps it): no token accumulates meanwhile and the bucket
///   restarts with one token. Later 429s of the episode only make their own call wait their
///   Retry-After (its retry takes a token again): pausing everyone on every 429 serialises the
///   waits when Partner Center throttles per partner+customer pair whatever our rate. An episode
///   ends after `episodeQuiet` and `minSamples` answers without a 429.
/// - Decrease: rate x beta, only for a 429 answering a request sent after the last decrease or
///   undo (one decrease per round of answers, however many requests were in flight). The first
///   429 of an episode decreases at once; later ones only when `minSamples` requests sent since
///   the last decrease were answered (so each decrease can be judged). A decrease starts from the
///   rate requests actually went out at (SendRate) when that is lower than the allowed rate:
///   cutting an allowance the workers do not use changes nothing.
/// - Guard against throttling our rate does not cause. Each decrease or undo opens a window of
///   the requests sent in it (ShareWindow). Before a further decrease, the last one is judged
///   when it was not the first of its episode (the window before that one is unthrottled time):
///   if the share of 429s did not fall as a limit on our rate predicts (judgeDecrease), it is
///   undone (the curve before it restored), no new decrease is made, and decreases and pauses
///   are suspended for `suspension`: 429s then only make their own call wait.
/// - Recovery: CubicRecovery, concave back to the rate of the last decrease, then convex to the
///   configured rate, reached `recoveryTime` after the last decrease. Successes, 5xx, 408,
///   timeouts and cut connections never change the rate.
///
/// Time comes from the injected clock, so the decisions can be driven in virtual time
/// (tryAcquire, throttled, answered); acquire() naps in real time. Thread-safe.

#include "gateway/CubicRecovery.h"
#include "gateway/RequestContext.h"
#include "gateway/SendRate.h"
#include "gateway/ShareWindow.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace ict::gateway {

/// The constants, chosen by simulating in virtual time (tests/plugin/common/gateway/support/
/// ThrottleSimulation.h): 108 runs of 1,500 calls against a token bucket of 100 or 300/min with the
/// client set to 2, 4 or 20 x the limit, and 72 runs against a 429 on every fifth call or on 20 %
/// at random whatever the rate, with the client at 300 to 600,000/min; 5, 100 or 300 ms latency,
/// 8 or 32 workers on 4 in-flight slots, 3 seeds. With these values: 429s 3.3 % of the requests on
/// average against the bucket (17 % at worst: a limit taken for independent throttling), wall
/// time at most 1.06 x the limit's; against independent 429s the allowed rate averages 92 % of
/// a binding configured rate (73 % at worst).
struct ThrottleTuning {
    /// CUBIC's beta: a decrease keeps 70 % of the rate. 0.5 (the old halving) gave fewer 429s
    /// (2.3 %) but up to 1.12 x the limit's time and 88 % against independent 429s; 0.8 gave
    /// 4.5 % 429s, and leaves the guard only a 10 % drop of what is sent to judge by.
    double beta = 0.7;
    /// Back at the configured rate this long after the last decrease without a 429.
    std::chrono::seconds recoveryTime{60};
    /// No 429 for this long (and for minSamples answers) ends an episode; the next 429 pauses
    /// everyone again and decreases unjudged. 5 s let independent 429s at a low rate start new
    /// episodes, each decreasing (down to 14 % of the configured rate); 20 s changed nothing.
    std::chrono::seconds episodeQuiet{10};
    /// Answers a window needs before a further decrease, and before its share is compared. 20
    /// slowed the descent from far above a limit (4.4 % 429s); 5 judged on too little (the rate
    /// fell to 68 % against independent 429s).
    int minSamples = 10;
    /// Decreases and pauses stay off this long after an undo.
    std::chrono::seconds suspension{60};
    /// The rate never goes below this (requests per minute).
    double floorPerMinute = 1.0;
};

class ThrottleController {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    using Clock = std::function<TimePoint()>;

    /// What a request carries from tryAcquire to its answer: the window it was sent in.
    struct Ticket {
        std::uint64_t window = 0;
    };

    struct Counters {
        std::int64_t throttled = 0; ///< 429s reported
        std::int64_t pauses = 0;    ///< episodes that paused every request
        std::int64_t decreases = 0; ///< including the undone ones
        std::int64_t undone = 0;
        double ratePerMinute = 0; ///< now
    };

    explicit ThrottleController(double requestsPerMinute, Clock clock = {},
                                ThrottleTuning tuning = {});

    /// Takes a token if one is there now (true, `ticket` filled in); otherwise false and
    /// `retryAt` says when one will be (the pause's end, or the next token at the current rate).
    bool tryAcquire(Ticket& ticket, TimePoint& retryAt);
    /// tryAcquire until it succeeds, napping at most 100 ms of real time between tries; false
    /// when `context` is cancelled first.
    bool acquire(const RequestContext& context, Ticket& ticket);
    /// What one 429 did.
    struct Reaction {
        std::chrono::milliseconds wait{0}; ///< before its call goes back to acquire()
        bool paused = false;               ///< it started an episode: everyone waits as long
        bool decreased = false;
        bool undone = false;      ///< it undid the last decrease instead (and suspended decreases)
        double ratePerMinute = 0; ///< after it
    };
    /// A 429 answered the request of `ticket`, asking for `retryAfter` (its call waits that long).
    Reaction throttled(const Ticket& ticket, std::chrono::milliseconds retryAfter);
    /// Any other HTTP answer (2xx-5xx) to the request of `ticket`: one sample of the share.
    void answered(const Ticket& ticket);

    double currentRequestsPerMinute() const;
    Counters counters() const;

private:
    enum class Opening { Start, FirstDecrease, Decrease, Undo };
    struct Window {
        Opening opening;
        TimePoint openedAt;
        CubicRecovery curveBefore; ///< restored when the decrease that opened it is undone
        ShareWindow shares;
    };

    bool inEpisode(TimePoint now) const;
    void refill(TimePoint now);
    double rate(TimePoint now) const;
    Window* windowOf(const Ticket& ticket);
    void openWindow(Opening opening, TimePoint now, const CubicRecovery& curveBefore);
    void decide(TimePoint now, bool newEpisode, Reaction& reaction);
    void decrease(TimePoint now, bool firstOfEpisode);

    const double _configured;
    const ThrottleTuning _tuning;
    const Clock _clock;
    mutable std::mutex _mutex;
    CubicRecovery _curve;
    SendRate _sent;
    double _tokens = 1.0;
    TimePoint _refilled;
    TimePoint _pausedUntil{};
    TimePoint _previousPauseEnd{};
    bool _anyThrottled = false;
    TimePoint _last429{};
    int _answersSince429 = 0;
    TimePoint _episodeStart{};
    TimePoint _suspendedUntil{};
    std::uint64_t _window = 0;
    std::map<std::uint64_t, Window> _windows; ///< the current one and a few before it
    Counters _counters;
};

} // namespace ict::gateway
