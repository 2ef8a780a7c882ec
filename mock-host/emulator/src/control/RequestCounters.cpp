#include "control/RequestCounters.h"

namespace mockhost::emulator {

void RequestCounters::increment(const std::string& endpoint, bool countsInTotal) {
    std::lock_guard<std::mutex> lock(_mutex);
    ++_counts[endpoint];
    if (countsInTotal)
        ++_total;
}

std::int64_t RequestCounters::count(const std::string& endpoint) const {
    std::lock_guard<std::mutex> lock(_mutex);
    const auto found = _counts.find(endpoint);
    return found == _counts.end() ? 0 : found->second;
}

std::int64_t RequestCounters::total() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _total;
}

std::map<std::string, std::int64_t> RequestCounters::snapshot() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _counts;
}

void RequestCounters::reset() {
    std::lock_guard<std::mutex> lock(_mutex);
    _counts.clear();
    _total = 0;
}

} // namespace mockhost::emulator
