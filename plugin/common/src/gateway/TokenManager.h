#pragma once
/// Access tokens for one instance by the refresh-token grant:
/// POST {loginUrl}/{partnerTenantId}/oauth2/token with grant_type=refresh_token, client_id,
/// client_secret, refresh_token, resource=https://api.partnercenter.microsoft.com.
/// A token is reused until `tokenRefreshMargin` before it expires; one refresh runs at a time
/// (others wait for it). Thread-safe. Keep one TokenManager per credential record in a process.
///
/// A refresh token is single-use: Entra may retire it once redeemed, and may revoke the whole
/// chain when a retired one is presented again. So:
///  - Every token request runs inside TokenStore::redeemRefreshToken(): the host lets one
///    redemption of the record run at a time across processes and hands each the newest token.
///  - The rotated refresh_token is taken out of the answer before anything else is checked and
///    stored before the new access token is used; a malformed access_token or expires_in then
///    fails the refresh (MalformedResponse) with the new token already stored.
///  - If the host cannot store it (ToolError from the store), the new token is kept in memory and
///    presented at the next refresh while the record still holds the token it replaced; an error
///    is logged (without the token) and the access token is used.
///  - The token POST is never written twice (HttpCall::replayAfterSend false): a connection that
///    fails before the request is written is retried; a timeout or cut connection after it is
///    not. Then the record is read again: when another redemption stored a newer token meanwhile,
///    that one is redeemed; otherwise the refresh fails with GatewayError(AnswerLost), and this
///    run (RequestContext::correlationId) never presents that token again. A later run presents
///    it once more: it works if the request never reached Entra, and is refused (invalid_grant,
///    re-consent) if Entra rotated it, which is what re-consent would cost anyway.
///  - 5xx, 408 and 429 answers of the token endpoint are retried with backoff by HttpCore: an
///    error answer means Entra issued no token, so the presented one is still the current one.
/// invalid_grant, AADSTS700082/50173/50076/50079 and any other 400/401 of the token endpoint
/// become GatewayError(NotAuthenticated) carrying the code. No token or secret is ever logged or
/// put in an error.

#include "gateway/ClientOptions.h"
#include "gateway/GatewayLogger.h"
#include "gateway/HttpCore.h"
#include "gateway/RequestContext.h"
#include "gateway/TokenResponse.h"
#include "gateway/TokenStore.h"

#include <chrono>
#include <exception>
#include <mutex>
#include <string>

namespace ict::gateway {

class TokenManager {
public:
    static constexpr const char* kResource = "https://api.partnercenter.microsoft.com";

    TokenManager(HttpCore& http, TokenStore& store, GatewayLogger& logger,
                 const ClientOptions& options);
    ~TokenManager();

    /// A valid access token, refreshed when needed. Throws GatewayError, or the store's ToolError.
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
    /// What one redemption brought back; filled inside the store's callback.
    struct Redemption {
        std::string presented;       ///< The refresh token the request carried.
        std::string rotated;         ///< The refresh token the answer carried, if any.
        TokenResponse answer;        ///< Valid when `error` is empty.
        std::exception_ptr error;    ///< Why no access token came of it.
        bool answerLost = false;     ///< The request was sent and its answer lost.
        std::string requestId;       ///< MS-RequestId of the token request.
        std::int64_t instanceId = 0; ///< For log lines.
        void wipe();
    };

    void refresh(const RequestContext& context);
    /// The store's callback: one token request with the record's credentials `row`.
    bss::sdk::RotatedRefreshToken redeemOnce(const bss::sdk::InstanceCredentials& row,
                                             const RequestContext& context, Redemption& out);
    void sendTokenRequest(const bss::sdk::InstanceCredentials& row, const std::string& token,
                          const RequestContext& context, Redemption& out);
    /// The token to present for the record's token `recorded`: a rotated one the host could not
    /// store, while the record still holds the one it replaced; else `recorded`.
    std::string tokenToPresent(const std::string& recorded);
    /// After the host failed to store `out.rotated`: keeps it for the next refresh.
    void keepUnstored(Redemption& out, const std::exception& failure);

    HttpCore& _http;
    TokenStore& _store;
    GatewayLogger& _logger;
    const std::chrono::seconds _margin; // capped at half a token's lifetime
    const std::chrono::hours _refreshTokenLifetime;
    mutable std::mutex _mutex;
    std::string _accessToken;
    std::chrono::steady_clock::time_point _refreshAt;
    int _refreshCount = 0;
    std::string _unstoredToken;    ///< Rotated, but the host could not store it.
    std::string _unstoredReplaces; ///< The token the record still holds instead.
    std::string _lostToken;        ///< Presented by run `_lostRun`, whose answer was lost.
    std::string _lostRun;
};

} // namespace ict::gateway
