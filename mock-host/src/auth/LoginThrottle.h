#pragma once
/// Back-off of failed log-ins, per login name and per client address, so a password cannot be
/// guessed at network speed: after kFreeFailuresPerLogin failed attempts of one login (or
/// kFreeFailuresPerAddress from one address), each further attempt waits a delay that doubles
/// with every failure (1 s, 2 s, 4 s, ... at most kMaxDelay), refused before the password is
/// checked. A success clears that login's and that address's counts. A key whose last failure is
/// older than kForgetAfter is forgotten, and at most kMaxKeys keys are held (the oldest failures
/// dropped first), so a flood of invented names cannot grow memory.
///
/// Thread-safe. The clock is injectable for tests.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace mockhost {

class LoginThrottle {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    using Clock = std::function<TimePoint()>;

    static constexpr int kFreeFailuresPerLogin = 5;
    static constexpr int kFreeFailuresPerAddress = 20;
    static constexpr std::chrono::seconds kMaxDelay{15 * 60};
    static constexpr std::chrono::seconds kForgetAfter{60 * 60};
    static constexpr std::size_t kMaxKeys = 10000;

    explicit LoginThrottle(Clock clock = [] { return std::chrono::steady_clock::now(); });

    /// How long an attempt of `login` from `address` must still wait, rounded up to whole
    /// seconds; zero when it may be tried now. Login names are compared without case.
    std::chrono::seconds wait(const std::string& login, const std::string& address);
    void failed(const std::string& login, const std::string& address);
    void succeeded(const std::string& login, const std::string& address);

    /// Keys (logins and addresses) held now.
    std::size_t trackedKeys() const;

private:
    struct Entry {
        int failures = 0;
        TimePoint lastFailure;
        TimePoint blockedUntil;
    };
    void fail(const std::string& key, int freeFailures, TimePoint now);
    void sweep(TimePoint now);
    std::chrono::seconds remaining(const std::string& key, TimePoint now) const;

    Clock _clock;
    mutable std::mutex _mutex;
    std::map<std::string, Entry> _entries; ///< "login:<name>" and "address:<ip>"
};

} // namespace mockhost
