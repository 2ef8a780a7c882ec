#pragma once
/// Access tokens for one instance by the refresh-token grant:
/// POST {loginUrl}/{partnerTenantId}/oauth2/token with grant_type=refresh_token, client_id,
/// client_secret, refresh_token, resource=https://api.partnercenter.microsoft.com.
/// A token is reused until `tokenRefreshMargin` before it expires; one refresh runs at a time
/// (others wait for it). A rotated refresh token is stored through TokenStore before the new access
/// token is handed out. Credentials are loaded from the TokenStore at each refresh and dropped
/// after the request. invalid_grant, AADSTS700082/50173/50076/50079 and any other 400/401 of the
/// token endpoint become GatewayError(NotAuthenticated) carrying the code. Thread-safe.

#include "gateway/ClientOptions.h"
#include "gateway/GatewayLogger.h"
#include "gateway/HttpCore.h"
#include "gateway/RequestContext.h"
#include "gateway/TokenStore.h"

#include <chrono>
#include <mutex>
#include <string>

namespace ict::gateway {

class TokenManager {
public:
    static constexpr const char* kResource = "https://api.partnercenter.microsoft.com";

    TokenManager(HttpCore& http, TokenStore& store, GatewayLogger& logger,
                 const ClientOptions& options);

    /// A valid access token, refreshed when needed. Throws GatewayError.
    std::string accessToken(const RequestContext& context);
    /// Redeems the refresh token now, whatever the age of the cached access token, so a refresh
    /// token Entra ID no longer accepts is found before any work starts (pre-flight). Throws
    /// GatewayError (NotAuthenticated when the refresh token is refused).
    void refreshNow(const RequestContext& context);
    /// Forgets `token` if it is still the current one (after Partner Center answered 401).
    void invalidate(const std::string& token);
    /// Refreshes done so far.
    int refreshCount() const;

private:
    void refresh(const RequestContext& context);

    HttpCore& _http;
    TokenStore& _store;
    GatewayLogger& _logger;
    const std::chrono::seconds _margin; // capped at half a token's lifetime
    const std::chrono::hours _refreshTokenLifetime;
    mutable std::mutex _mutex;
    std::string _accessToken;
    std::chrono::steady_clock::time_point _refreshAt;
    int _refreshCount = 0;
};

} // namespace ict::gateway
