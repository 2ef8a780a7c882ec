#pragma once
/// Server-side log-in sessions, in memory: random id -> user, with an absolute expiry.
/// Thread-safe.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace mockhost {

class SessionStore {
public:
    explicit SessionStore(std::chrono::seconds lifetime = std::chrono::hours(8))
        : _lifetime(lifetime) {}
    /// A new session for the user; returns its id (32 random bytes, hex).
    std::string create(std::int64_t userId);
    /// The user of a live session; expired sessions are removed.
    std::optional<std::int64_t> find(const std::string& sessionId);
    void remove(const std::string& sessionId);
    std::chrono::seconds lifetime() const { return _lifetime; }

private:
    struct Entry {
        std::int64_t userId;
        std::chrono::steady_clock::time_point expiresAt;
    };
    std::chrono::seconds _lifetime;
    std::mutex _mutex;
    std::map<std::string, Entry> _sessions;
};

} // namespace mockhost
