#include "gateway/ShareWindow.h"

#include <algorithm>

namespace ict::gateway {

namespace {
constexpr double kMostRefused = 0.3; ///< see the header
}

void ShareWindow::sent() {
    if (counting)
        ++sends;
}

void ShareWindow::answered(bool was429, TimePoint now) {
    if (!counting) {
        if (!was429)
            return;
        // Before the first 429 after a pause, the server's bucket refilled during the pause
        // answers, whatever our rate: that says nothing about the share.
        counting = true;
        from = now;
    }
    ++answers;
    if (was429)
        ++throttled;
}

double ShareWindow::share() const {
    return answers > 0 ? static_cast<double>(throttled) / answers : 0.0;
}

double ShareWindow::sendsPerMinute(TimePoint now) const {
    const TimePoint end = to == TimePoint{} ? now : to;
    const double seconds = std::chrono::duration<double>(end - from).count();
    return seconds > 0 ? 60.0 * sends / seconds : 0.0;
}

DecreaseVerdict judgeDecrease(const ShareWindow& before, const ShareWindow& after,
                              ShareWindow::TimePoint now, int minSamples, double beta) {
    if (before.answers < minSamples || after.answers < 1 || before.share() >= kMostRefused)
        return DecreaseVerdict::NoEvidence;
    const double rateBefore = before.sendsPerMinute(now);
    const double rateAfter = after.sendsPerMinute(now);
    if (rateAfter <= 0 || rateAfter > (1.0 + beta) / 2.0 * rateBefore)
        return DecreaseVerdict::NoEvidence;
    const double limit = std::max(0.0, 1.0 - (1.0 - before.share()) * rateBefore / rateAfter);
    const double middle = (before.share() + limit) / 2.0;
    return after.share() >= middle ? DecreaseVerdict::DidNotHelp : DecreaseVerdict::Helped;
}

} // namespace ict::gateway
