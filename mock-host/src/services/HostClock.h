#pragma once
/// The host clock: the system clock, or a fixed time set by the host (--clock, tests).
/// Thread-safe.
#include <bss/sdk/Clock.h>

#include <mutex>
#include <optional>

namespace mockhost {

class HostClock : public bss::sdk::Clock {
public:
    std::chrono::system_clock::time_point now() const override {
        std::lock_guard<std::mutex> lock(_mutex);
        return _fixed ? *_fixed : std::chrono::system_clock::now();
    }
    /// From now on now() answers `time` until set again or reset().
    void set(std::chrono::system_clock::time_point time) {
        std::lock_guard<std::mutex> lock(_mutex);
        _fixed = time;
    }
    void reset() {
        std::lock_guard<std::mutex> lock(_mutex);
        _fixed.reset();
    }

private:
    mutable std::mutex _mutex;
    std::optional<std::chrono::system_clock::time_point> _fixed;
};

} // namespace mockhost
