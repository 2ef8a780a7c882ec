#pragma once
/// TokenStore over the host's InstanceDirectory for one instance and calling organization:
/// credentials are read from the owner's record at each refresh, a rotated refresh token is
/// written back there (durably, before storeRefreshToken returns). Thread-safe as the directory
/// is. Does not own the directory, which must outlive it.

#include "bss/sdk/Instances.h"
#include "gateway/TokenStore.h"

namespace ict::gateway {

class DirectoryTokenStore : public TokenStore {
public:
    DirectoryTokenStore(bss::sdk::InstanceDirectory& directory, std::int64_t instanceId,
                        bss::sdk::Organization caller)
        : _directory(directory), _instanceId(instanceId), _caller(std::move(caller)) {}

    bss::sdk::InstanceCredentials loadCredentials() override {
        return _directory.credentials(_instanceId, _caller);
    }
    void storeRefreshToken(const std::string& refreshToken,
                           bss::sdk::TimePoint expiresAt) override {
        _directory.storeRefreshToken(_instanceId, _caller, refreshToken, expiresAt);
    }

private:
    bss::sdk::InstanceDirectory& _directory;
    std::int64_t _instanceId;
    bss::sdk::Organization _caller;
};

} // namespace ict::gateway
