#pragma once
/// TokenStore over the host's InstanceDirectory for one instance: credentials are read from the
/// owner's record at each refresh, and a refresh token is redeemed through
/// InstanceDirectory::redeemRefreshToken(), so the host lets one redemption of the record run at a
/// time in every process and stores the rotated token before the next one starts.
///
/// It acts as the instance's owner organization: the record is the owner's, and one token serves
/// every organization allowed to use the instance (the owner and its country tenants). Each run's
/// own right to use the instance is checked by the host when the run takes the client
/// (InstanceClients::clientFor()). Thread-safe as the directory is. Does not own the directory,
/// which must outlive it.

#include "bss/sdk/Instances.h"
#include "gateway/TokenStore.h"

namespace ict::gateway {

class DirectoryTokenStore : public TokenStore {
public:
    DirectoryTokenStore(bss::sdk::InstanceDirectory& directory, std::int64_t instanceId,
                        bss::sdk::Organization owner)
        : _directory(directory), _instanceId(instanceId), _owner(std::move(owner)) {}

    bss::sdk::InstanceCredentials loadCredentials() override {
        return _directory.credentials(_instanceId, _owner);
    }
    void redeemRefreshToken(const bss::sdk::RefreshTokenRedeemer& redeem) override {
        _directory.redeemRefreshToken(_instanceId, _owner, redeem);
    }

private:
    bss::sdk::InstanceDirectory& _directory;
    std::int64_t _instanceId;
    bss::sdk::Organization _owner;
};

} // namespace ict::gateway
