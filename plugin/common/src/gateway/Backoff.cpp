#include "gateway/Backoff.h"

#include <algorithm>
#include <random>
#include <thread>

namespace ict::gateway {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds max)
    : _base(base), _max(std::max(base, max)) {}

std::chrono::milliseconds Backoff::delay(int attempt) const {
    const int doublings = std::min(std::max(attempt - 1, 0), 20);
    const auto raw = std::min<std::int64_t>(_base.count() << doublings, _max.count());
    // Jitter spreads the retries of parallel workers that failed together.
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<std::int64_t> spread(raw / 2, std::max<std::int64_t>(raw, 0));
    return std::chrono::milliseconds(spread(random));
}

bool Backoff::sleep(std::chrono::milliseconds duration, const RequestContext& context) {
    const auto until = std::chrono::steady_clock::now() + duration;
    for (;;) {
        if (context.cancelled())
            return false;
        const auto now = std::chrono::steady_clock::now();
        if (now >= until)
            return true;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            until - now, std::chrono::milliseconds(50)));
    }
}

} // namespace ict::gateway
