#include "gateway/InFlightLimit.h"

#include <algorithm>

namespace ict::gateway {

InFlightLimit::InFlightLimit(int maxInFlight) : _max(std::max(1, maxInFlight)) {}

InFlightLimit::Slot::Slot(InFlightLimit& limit) : _limit(limit) {
    std::unique_lock<std::mutex> lock(_limit._mutex);
    _limit._freed.wait(lock, [&] { return _limit._inFlight < _limit._max; });
    ++_limit._inFlight;
    _limit._highWater = std::max(_limit._highWater, _limit._inFlight);
}

InFlightLimit::Slot::~Slot() {
    {
        std::lock_guard<std::mutex> lock(_limit._mutex);
        --_limit._inFlight;
    }
    _limit._freed.notify_one();
}

int InFlightLimit::highWater() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _highWater;
}

} // namespace ict::gateway
