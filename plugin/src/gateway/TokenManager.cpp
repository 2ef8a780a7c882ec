#include "gateway/TokenManager.h"

#include "gateway/ApiErrorBody.h"
#include "gateway/GatewayError.h"
#include "gateway/ServiceUrl.h"
#include "gateway/TokenResponse.h"

#include <Poco/URI.h>

#include <algorithm>

namespace ict::gateway {
namespace {

std::string formValue(const std::string& value) {
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]\"{}<>%^`|\\ ", encoded);
    return encoded;
}

// Overwrites a secret before its memory is freed; best effort, strings may have been copied.
void wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

} // namespace

TokenManager::TokenManager(HttpCore& http, TokenStore& store, GatewayLogger& logger,
                           const ClientOptions& options)
    : _http(http), _store(store), _logger(logger), _margin(options.tokenRefreshMargin),
      _refreshTokenLifetime(options.refreshTokenLifetime) {}

std::string TokenManager::accessToken(const RequestContext& context) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_accessToken.empty() || std::chrono::steady_clock::now() >= _refreshAt)
        refresh(context);
    return _accessToken;
}

void TokenManager::refreshNow(const RequestContext& context) {
    std::lock_guard<std::mutex> lock(_mutex);
    refresh(context);
}

void TokenManager::invalidate(const std::string& token) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (token == _accessToken)
        wipe(_accessToken);
}

int TokenManager::refreshCount() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _refreshCount;
}

void TokenManager::refresh(const RequestContext& context) {
    bss::sdk::InstanceCredentials credentials = _store.loadCredentials();
    const std::string name = "POST /{tenant}/oauth2/token";
    if (credentials.refreshToken.empty()) {
        wipe(credentials.appSecret);
        throw GatewayError::notAuthenticated(name, 0, "no_refresh_token");
    }
    const ServiceUrl login = ServiceUrl::parse(credentials.loginUrl, "login URL");
    HttpCall call;
    call.name = name;
    call.method = "POST";
    call.target = login.basePath + "/" + formValue(credentials.partnerTenantId) + "/oauth2/token";
    call.contentType = "application/x-www-form-urlencoded";
    call.body = "grant_type=refresh_token&client_id=" + formValue(credentials.appId) +
                "&client_secret=" + formValue(credentials.appSecret) +
                "&refresh_token=" + formValue(credentials.refreshToken) +
                "&resource=" + formValue(kResource);
    call.rateLimited = false;
    wipe(credentials.appSecret);
    wipe(credentials.refreshToken);
    HttpResponse response;
    try {
        response = _http.execute(login.host, login.port, call, context);
    } catch (...) {
        wipe(call.body);
        throw;
    }
    wipe(call.body);
    if (response.status == 400 || response.status == 401) {
        const ApiErrorBody error = ApiErrorBody::parse(response.body);
        std::string code = !error.aadstsCode.empty() ? error.aadstsCode : error.oauthError;
        if (code.empty())
            code = "HTTP " + std::to_string(response.status);
        _logger.log(GatewayLogLevel::Error, "token refresh refused: " + code +
                                                " MS-RequestId=" + call.requestId +
                                                " MS-CorrelationId=" + context.correlationId);
        throw GatewayError::notAuthenticated(name, response.status, code);
    }
    if (response.status < 200 || response.status >= 300)
        throw GatewayError(GatewayErrorKind::Rejected, name,
                           "failed: HTTP " + std::to_string(response.status), response.status);
    TokenResponse token;
    try {
        token = TokenResponse::parse(response.body, name);
    } catch (...) {
        wipe(response.body);
        throw;
    }
    wipe(response.body);
    if (!token.refreshToken.empty()) {
        // Microsoft may already have retired the old refresh token: the new one must be durable
        // before anything relies on the access token that came with it.
        _store.storeRefreshToken(token.refreshToken,
                                 std::chrono::system_clock::now() + _refreshTokenLifetime);
        wipe(token.refreshToken);
    }
    _accessToken = std::move(token.accessToken);
    // A token shorter-lived than the margin would otherwise be refreshed on every call.
    const auto margin = std::min<std::chrono::seconds>(_margin, token.expiresIn / 2);
    _refreshAt = std::chrono::steady_clock::now() + token.expiresIn - margin;
    ++_refreshCount;
    _logger.log(GatewayLogLevel::Info, "access token refreshed, valid for " +
                                           std::to_string(token.expiresIn.count()) +
                                           " s MS-RequestId=" + call.requestId +
                                           " MS-CorrelationId=" + context.correlationId);
}

} // namespace ict::gateway
