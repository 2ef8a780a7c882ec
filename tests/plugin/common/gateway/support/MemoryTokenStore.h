#pragma once
// The host's credential record of one instance, in memory (stands in for InstanceDirectory, a
// boundary the gateway does not own). Redemptions run one at a time, as the host runs them.
// `beforeStore` lets a test observe the moment a rotated refresh token is stored;
// `failStores(n)` makes the next n stores fail as a host's would (ToolError Unavailable).

#include "gateway/TokenStore.h"

#include <bss/sdk/ToolError.h>

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
    void redeemRefreshToken(const bss::sdk::RefreshTokenRedeemer& redeem) override {
        std::lock_guard<std::mutex> redemption(_redemptionMutex);
        const bss::sdk::RotatedRefreshToken rotated = redeem(loadCredentials());
        ++_redemptions;
        if (!rotated.refreshToken.empty())
            store(rotated);
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
    int redemptions() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _redemptions;
    }
    void failStores(int count) {
        std::lock_guard<std::mutex> lock(_mutex);
        _failStores = count;
    }

    std::function<void(const std::string&)> beforeStore;

private:
    void store(const bss::sdk::RotatedRefreshToken& rotated) {
        std::function<void(const std::string&)> hook;
        {
            std::lock_guard<std::mutex> lock(_mutex);
            if (_failStores > 0) {
                --_failStores;
                throw bss::sdk::ToolError(bss::sdk::ErrorCode::Unavailable,
                                          "The renewed refresh token of Microsoft instance 1 "
                                          "could not be saved: database is locked");
            }
            hook = beforeStore;
        }
        if (hook)
            hook(rotated.refreshToken);
        std::lock_guard<std::mutex> lock(_mutex);
        _credentials.refreshToken = rotated.refreshToken;
        _credentials.refreshTokenExpiresAt = rotated.expiresAt;
        _stored.push_back(rotated.refreshToken);
    }

    std::mutex _redemptionMutex;
    mutable std::mutex _mutex;
    bss::sdk::InstanceCredentials _credentials;
    std::vector<std::string> _stored;
    int _loads = 0;
    int _redemptions = 0;
    int _failStores = 0;
};

} // namespace ict::gateway::test
