#pragma once
// The host's credential record of one instance, in memory (stands in for InstanceDirectory, a
// boundary the gateway does not own). `beforeStore` lets a test observe the moment a rotated
// refresh token is stored.

#include "gateway/TokenStore.h"

#include <functional>
#include <mutex>
#include <vector>

namespace ict::gateway::test {

class MemoryTokenStore : public TokenStore {
public:
    explicit MemoryTokenStore(bss::sdk::InstanceCredentials credentials)
        : _credentials(std::move(credentials)) {}

    bss::sdk::InstanceCredentials loadCredentials() override {
        std::lock_guard<std::mutex> lock(_mutex);
        ++_loads;
        return _credentials;
    }
    void storeRefreshToken(const std::string& refreshToken,
                           bss::sdk::TimePoint expiresAt) override {
        std::function<void(const std::string&)> hook;
        {
            std::lock_guard<std::mutex> lock(_mutex);
            hook = beforeStore;
        }
        if (hook)
            hook(refreshToken);
        std::lock_guard<std::mutex> lock(_mutex);
        _credentials.refreshToken = refreshToken;
        _credentials.refreshTokenExpiresAt = expiresAt;
        _stored.push_back(refreshToken);
    }

    std::string refreshToken() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _credentials.refreshToken;
    }
    void setRefreshToken(const std::string& token) {
        std::lock_guard<std::mutex> lock(_mutex);
        _credentials.refreshToken = token;
    }
    std::vector<std::string> stored() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _stored;
    }
    int loads() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _loads;
    }

    std::function<void(const std::string&)> beforeStore;

private:
    mutable std::mutex _mutex;
    bss::sdk::InstanceCredentials _credentials;
    std::vector<std::string> _stored;
    int _loads = 0;
};

} // namespace ict::gateway::test
