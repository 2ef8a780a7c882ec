#pragma once
/// Server-side log-in sessions, in memory: random id -> user. A session ends at its absolute
/// lifetime after the log-in, or when it has not been used for its idle time, whichever comes
/// first; ended sessions are swept at every log-in, so sessions never used again do not pile up.
/// Thread-safe. The clock is injectable for tests.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace mockhost {

class SessionStore {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    using Clock = std::function<TimePoint()>;

    explicit SessionStore(
        std::chrono::seconds lifetime = std::chrono::hours(8),
        std::chrono::seconds idle = std::chrono::minutes(30),
        Clock clock = [] { return std::chrono::steady_clock::now(); });
    /// A new session for the user; returns its id (32 random bytes, hex). Sweeps ended ones.
    std::string create(std::int64_t userId);
    /// The user of a live session, which counts as a use; an ended session is removed.
    std::optional<std::int64_t> find(const std::string& sessionId);
    void remove(const std::string& sessionId);
    std::chrono::seconds lifetime() const { return _lifetime; }
    /// Sessions held now, ended or not yet swept included.
    std::size_t size() const;

private:
    struct Entry {
        std::int64_t userId;
        TimePoint expiresAt;
        TimePoint lastUsed;
    };
    bool ended(const Entry& entry, TimePoint now) const;

    std::chrono::seconds _lifetime;
    std::chrono::seconds _idle;
    Clock _clock;
    mutable std::mutex _mutex;
    std::map<std::string, Entry> _sessions;
};

} // namespace mockhost
