#pragma once
/// The throttle guard's evidence: the requests one ThrottleController window sent (a window runs
/// from one decrease or undo to the next) and how many of their answers were 429s, and the
/// verdict on a decrease from the window before it and the window after it. Plain values; not
/// thread-safe.

#include <chrono>

namespace ict::gateway {

struct ShareWindow {
    using TimePoint = std::chrono::steady_clock::time_point;

    TimePoint from{};     ///< counting started (the opening, or the first 429 after a pause)
    TimePoint to{};       ///< closed when the next window opened; TimePoint{} while open
    bool counting = true; ///< a window opened by a pause counts from its first 429 on
    int sends = 0;
    int answers = 0;
    int throttled = 0;

    void sent();
    void answered(bool was429, TimePoint now);
    double share() const;
    /// Sends per minute from `from` to `to` (or `now` while open).
    double sendsPerMinute(TimePoint now) const;
};

enum class DecreaseVerdict {
    Helped,     ///< the share fell as a limit on our rate predicts: keep it
    DidNotHelp, ///< the share stayed as throttling independent of our rate predicts: undo it
    NoEvidence  ///< nothing to judge by: keep it (and decrease again if asked)
};

/// Judges the decrease between `before` and `after`. A limit on our rate keeps the successes per
/// second: it predicts the share  limit = max(0, 1 - (1 - before) x rateBefore / rateAfter);
/// throttling independent of our rate predicts the share before. The verdict goes to the
/// nearer: DidNotHelp when after >= (before + limit) / 2, else Helped. (With 30 % less sent and
/// less than 30 % refused before, a limit predicts no 429 at all: the bar is half the share
/// before. A fixed "not below 0.8 x before" ignores how much less was sent: far above a limit
/// the share falls only a little, e.g. 62 % -> 51 % when sending 23 % less.)
/// NoEvidence when `before` has fewer than `minSamples` answers, when `after` sent more than
/// (1 + beta) / 2 x the rate of `before` (the decrease did not bite: the workers sent less than
/// allowed anyway), or when 30 % or more of `before` was refused: there the two predictions lie
/// too close for ten answers to tell apart (simulated token-bucket limits were called
/// independent in one judgement in ten), a wrong undo costs a minute far above the limit, and
/// sending less is right at such a share whatever the cause. Throttling independent of our rate
/// is thus recognised below 30 %.
DecreaseVerdict judgeDecrease(const ShareWindow& before, const ShareWindow& after,
                              ShareWindow::TimePoint now, int minSamples, double beta);

} // namespace ict::gateway
