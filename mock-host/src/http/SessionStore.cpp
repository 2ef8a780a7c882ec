#include "http/SessionStore.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>

#include <iterator>
#include <utility>

namespace mockhost {

SessionStore::SessionStore(std::chrono::seconds lifetime, std::chrono::seconds idle, Clock clock)
    : _lifetime(lifetime), _idle(idle), _clock(std::move(clock)) {}

std::string SessionStore::create(std::int64_t userId) {
    Poco::RandomInputStream random;
    Poco::DigestEngine::Digest bytes(32);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random.get());
    const std::string id = Poco::DigestEngine::digestToHex(bytes);
    std::lock_guard<std::mutex> lock(_mutex);
    const TimePoint now = _clock();
    for (auto it = _sessions.begin(); it != _sessions.end();)
        it = ended(it->second, now) ? _sessions.erase(it) : std::next(it);
    _sessions[id] = {userId, now + _lifetime, now};
    return id;
}

std::optional<std::int64_t> SessionStore::find(const std::string& sessionId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _sessions.find(sessionId);
    if (it == _sessions.end())
        return std::nullopt;
    const TimePoint now = _clock();
    if (ended(it->second, now)) {
        _sessions.erase(it);
        return std::nullopt;
    }
    it->second.lastUsed = now;
    return it->second.userId;
}

void SessionStore::remove(const std::string& sessionId) {
    std::lock_guard<std::mutex> lock(_mutex);
    _sessions.erase(sessionId);
}

std::size_t SessionStore::size() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _sessions.size();
}

bool SessionStore::ended(const Entry& entry, TimePoint now) const {
    return entry.expiresAt <= now || now - entry.lastUsed >= _idle;
}

} // namespace mockhost
