#pragma once
/// The gateway's window on an instance's credentials. The adapter implements it over
/// bss::sdk::InstanceDirectory (credentials() and storeRefreshToken()), so credentials are read
/// from the owner's record at each token refresh and never cached by the gateway.
/// Implementations must be thread-safe.

#include "bss/sdk/Instances.h"

#include <string>

namespace ict::gateway {

class TokenStore {
public:
    virtual ~TokenStore() = default;

    /// The instance's current credentials (app id, secret, refresh token). Called once per token
    /// refresh; the gateway drops its copy once the token request is sent.
    virtual bss::sdk::InstanceCredentials loadCredentials() = 0;

    /// Stores a refresh token Microsoft rotated, durably, before returning. The gateway calls it
    /// before it uses the access token that came with it; if it throws, that token is not used.
    virtual void storeRefreshToken(const std::string& refreshToken,
                                   bss::sdk::TimePoint expiresAt) = 0;
};

} // namespace ict::gateway
