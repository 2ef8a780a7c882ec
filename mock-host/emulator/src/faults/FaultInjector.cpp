#include "faults/FaultInjector.h"

namespace mockhost::emulator {

FaultInjector::FaultInjector(const FaultSettings& settings)
    : _settings(settings), _random(settings.seed) {}

void FaultInjector::configure(const FaultSettings& settings) {
    std::lock_guard<std::mutex> lock(_mutex);
    _settings = settings;
    _random = SeededRandom(settings.seed);
    _customerCalls = 0;
}

FaultSettings FaultInjector::settings() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _settings;
}

Fault FaultInjector::next(int& serverErrorStatus) {
    std::lock_guard<std::mutex> lock(_mutex);
    // One draw per request whatever the settings, so changing one rate does not shift the
    // positions of the other faults in the sequence.
    double r = _random.unit();
    const std::uint64_t statusDraw = _random.below(3);
    const struct {
        double rate;
        Fault fault;
    } bands[] = {{_settings.timeoutRate, Fault::Timeout},
                 {_settings.cutConnectionRate, Fault::CutConnection},
                 {_settings.serverErrorRate, Fault::ServerError},
                 {_settings.malformedRate, Fault::Malformed},
                 {_settings.truncatedRate, Fault::Truncated},
                 {_settings.throttleRate, Fault::Throttled},
                 {_settings.slowBodyRate, Fault::SlowBody}};
    for (const auto& band : bands) {
        if (r < band.rate) {
            static const int statuses[] = {500, 502, 503};
            serverErrorStatus = statuses[statusDraw];
            return band.fault;
        }
        r -= band.rate;
    }
    return Fault::None;
}

bool FaultInjector::take(int FaultSettings::*count) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_settings.*count <= 0)
        return false;
    --(_settings.*count);
    return true;
}

bool FaultInjector::countCustomerCall() {
    std::lock_guard<std::mutex> lock(_mutex);
    ++_customerCalls;
    const int every = _settings.throttleEveryNth;
    return every > 0 && _customerCalls % static_cast<std::uint64_t>(every) == 0;
}

} // namespace mockhost::emulator
