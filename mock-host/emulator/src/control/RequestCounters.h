#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace mockhost::emulator {

/// Requests seen per endpoint name (e.g. "customers.list", "token"), throttled and faulted
/// answers included. The total covers the token and /v1 endpoints, not the control API.
/// Thread-safe.
class RequestCounters {
public:
    void increment(const std::string& endpoint, bool countsInTotal);
    std::int64_t count(const std::string& endpoint) const;
    std::int64_t total() const;
    std::map<std::string, std::int64_t> snapshot() const;
    void reset();

private:
    mutable std::mutex _mutex;
    std::map<std::string, std::int64_t> _counts;
    std::int64_t _total = 0;
};

} // namespace mockhost::emulator
