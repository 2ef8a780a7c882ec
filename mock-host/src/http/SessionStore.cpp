#include "http/SessionStore.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>

namespace mockhost {

std::string SessionStore::create(std::int64_t userId) {
    Poco::RandomInputStream random;
    Poco::DigestEngine::Digest bytes(32);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random.get());
    const std::string id = Poco::DigestEngine::digestToHex(bytes);
    std::lock_guard<std::mutex> lock(_mutex);
    _sessions[id] = {userId, std::chrono::steady_clock::now() + _lifetime};
    return id;
}

std::optional<std::int64_t> SessionStore::find(const std::string& sessionId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _sessions.find(sessionId);
    if (it == _sessions.end())
        return std::nullopt;
    if (it->second.expiresAt <= std::chrono::steady_clock::now()) {
        _sessions.erase(it);
        return std::nullopt;
    }
    return it->second.userId;
}

void SessionStore::remove(const std::string& sessionId) {
    std::lock_guard<std::mutex> lock(_mutex);
    _sessions.erase(sessionId);
}

} // namespace mockhost
