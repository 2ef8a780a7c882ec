#include "auth/LoginThrottle.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

namespace mockhost {
namespace {

std::string loginKey(const std::string& login) {
    std::string key = "login:" + login;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

std::string addressKey(const std::string& address) {
    return "address:" + address;
}

} // namespace

LoginThrottle::LoginThrottle(Clock clock) : _clock(std::move(clock)) {}

std::chrono::seconds LoginThrottle::wait(const std::string& login, const std::string& address) {
    std::lock_guard<std::mutex> lock(_mutex);
    const TimePoint now = _clock();
    return std::max(remaining(loginKey(login), now), remaining(addressKey(address), now));
}

void LoginThrottle::failed(const std::string& login, const std::string& address) {
    std::lock_guard<std::mutex> lock(_mutex);
    const TimePoint now = _clock();
    fail(loginKey(login), kFreeFailuresPerLogin, now);
    fail(addressKey(address), kFreeFailuresPerAddress, now);
    if (_entries.size() > kMaxKeys)
        sweep(now);
}

void LoginThrottle::succeeded(const std::string& login, const std::string& address) {
    std::lock_guard<std::mutex> lock(_mutex);
    _entries.erase(loginKey(login));
    _entries.erase(addressKey(address));
}

std::size_t LoginThrottle::trackedKeys() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _entries.size();
}

void LoginThrottle::fail(const std::string& key, int freeFailures, TimePoint now) {
    Entry& entry = _entries[key];
    if (entry.failures > 0 && now - entry.lastFailure > kForgetAfter)
        entry = Entry{};
    ++entry.failures;
    entry.lastFailure = now;
    const int beyond = entry.failures - freeFailures;
    if (beyond <= 0)
        return;
    // 2^(beyond-1) seconds; the shift stops well before it could overflow.
    const std::chrono::seconds delay =
        beyond > 10
            ? kMaxDelay
            : std::min<std::chrono::seconds>(std::chrono::seconds(1LL << (beyond - 1)), kMaxDelay);
    entry.blockedUntil = now + delay;
}

void LoginThrottle::sweep(TimePoint now) {
    for (auto it = _entries.begin(); it != _entries.end();)
        it = now - it->second.lastFailure > kForgetAfter ? _entries.erase(it) : std::next(it);
    while (_entries.size() > kMaxKeys) {
        auto oldest = std::min_element(_entries.begin(), _entries.end(), [](auto& a, auto& b) {
            return a.second.lastFailure < b.second.lastFailure;
        });
        _entries.erase(oldest);
    }
}

std::chrono::seconds LoginThrottle::remaining(const std::string& key, TimePoint now) const {
    const auto found = _entries.find(key);
    if (found == _entries.end() || found->second.blockedUntil <= now)
        return std::chrono::seconds(0);
    const auto left = found->second.blockedUntil - now;
    return std::chrono::ceil<std::chrono::seconds>(left);
}

} // namespace mockhost
