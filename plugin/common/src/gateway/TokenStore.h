#pragma once
/// The gateway's window on an instance's credentials. The adapter implements it over
/// bss::sdk::InstanceDirectory (credentials() and redeemRefreshToken()), so credentials are read
/// from the owner's record at each token refresh and never cached by the gateway.
/// Implementations must be thread-safe.

#include "bss/sdk/Instances.h"

#include <string>

namespace ict::gateway {

class TokenStore {
public:
    virtual ~TokenStore() = default;

    /// The instance's current credentials (app id, secret, refresh token), read now.
    virtual bss::sdk::InstanceCredentials loadCredentials() = 0;

    /// Runs `redeem` with the instance's current credentials while no other redemption of the
    /// same credentials runs, in this process or any other, and stores the refresh token it
    /// returns (when not empty), durably, before returning. Throws as
    /// bss::sdk::InstanceDirectory::redeemRefreshToken() does: ToolError(NotFound) or
    /// ToolError(Unavailable) before `redeem` ran, ToolError(Unavailable) when the returned token
    /// could not be stored.
    virtual void redeemRefreshToken(const bss::sdk::RefreshTokenRedeemer& redeem) = 0;
};

} // namespace ict::gateway
