#pragma once
/// Wall-clock time as the host sees it. Tools read "now" only from here, so tests and the mock host
/// can set it (dates of billing periods, token expiry, Last Update). Thread-safe.

#include <chrono>

namespace bss::sdk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
};

} // namespace bss::sdk
