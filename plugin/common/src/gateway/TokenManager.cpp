#include "gateway/TokenManager.h"

#include "gateway/ApiErrorBody.h"
#include "gateway/GatewayError.h"
#include "gateway/ServiceUrl.h"

#include <Poco/URI.h>

#include <algorithm>

namespace ict::gateway {
namespace {

const char* const kCallName = "POST /{tenant}/oauth2/token";

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

void TokenManager::Redemption::wipe() {
    gateway::wipe(presented);
    gateway::wipe(rotated);
    gateway::wipe(answer.accessToken);
    gateway::wipe(answer.refreshToken);
}

TokenManager::TokenManager(HttpCore& http, TokenStore& store, GatewayLogger& logger,
                           const ClientOptions& options)
    : _http(http), _store(store), _logger(logger), _margin(options.tokenRefreshMargin),
      _refreshTokenLifetime(options.refreshTokenLifetime) {}

TokenManager::~TokenManager() {
    wipe(_accessToken);
    wipe(_unstoredToken);
    wipe(_unstoredReplaces);
    wipe(_lostToken);
}

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

std::string TokenManager::tokenToPresent(const std::string& recorded) {
    if (_unstoredToken.empty())
        return recorded;
    if (recorded == _unstoredReplaces)
        return _unstoredToken;
    // The record moved on (stored at last, another process, a new consent): it wins.
    wipe(_unstoredToken);
    wipe(_unstoredReplaces);
    return recorded;
}

void TokenManager::keepUnstored(Redemption& out, const std::exception& failure) {
    _unstoredToken = out.rotated;
    _unstoredReplaces = out.presented;
    _logger.log(GatewayLogLevel::Error,
                "instance " + std::to_string(out.instanceId) +
                    ": the rotated refresh token could not be stored (" + failure.what() +
                    "); it is kept in memory and presented at the next refresh MS-RequestId=" +
                    out.requestId);
}

void TokenManager::sendTokenRequest(const bss::sdk::InstanceCredentials& row,
                                    const std::string& token, const RequestContext& context,
                                    Redemption& out) {
    const ServiceUrl login = ServiceUrl::parse(row.loginUrl, "login URL");
    HttpCall call;
    call.name = kCallName;
    call.method = "POST";
    call.target = login.basePath + "/" + formValue(row.partnerTenantId) + "/oauth2/token";
    call.contentType = "application/x-www-form-urlencoded";
    call.body = "grant_type=refresh_token&client_id=" + formValue(row.appId) +
                "&client_secret=" + formValue(row.appSecret) +
                "&refresh_token=" + formValue(token) + "&resource=" + formValue(kResource);
    call.rateLimited = false;
    call.replayAfterSend = false;
    HttpResponse response;
    try {
        response = _http.execute(login.host, login.port, call, context);
    } catch (const GatewayError& error) {
        wipe(call.body);
        out.requestId = call.requestId;
        out.answerLost = error.kind() == GatewayErrorKind::AnswerLost;
        throw;
    } catch (...) {
        wipe(call.body);
        throw;
    }
    wipe(call.body);
    out.requestId = call.requestId;
    if (response.status == 400 || response.status == 401) {
        const ApiErrorBody error = ApiErrorBody::parse(response.body);
        std::string code = !error.aadstsCode.empty() ? error.aadstsCode : error.oauthError;
        if (code.empty())
            code = "HTTP " + std::to_string(response.status);
        _logger.log(GatewayLogLevel::Error, "token refresh refused: " + code +
                                                " MS-RequestId=" + call.requestId +
                                                " MS-CorrelationId=" + context.correlationId);
        throw GatewayError::notAuthenticated(kCallName, response.status, code);
    }
    if (response.status < 200 || response.status >= 300)
        throw GatewayError(GatewayErrorKind::Rejected, kCallName,
                           "failed: HTTP " + std::to_string(response.status), response.status);
    // The new refresh token first: Entra has retired the presented one, whatever else in the
    // answer is wrong, so it must reach the store even when the answer is refused below.
    out.rotated = TokenResponse::rotatedRefreshToken(response.body);
    try {
        out.answer = TokenResponse::parse(response.body, kCallName);
    } catch (...) {
        wipe(response.body);
        throw;
    }
    wipe(response.body);
}

bss::sdk::RotatedRefreshToken TokenManager::redeemOnce(const bss::sdk::InstanceCredentials& row,
                                                       const RequestContext& context,
                                                       Redemption& out) {
    // Nothing may escape into the host: every failure is kept in `out` and raised after the
    // host has stored what there is to store and released the record.
    out.instanceId = row.instanceId;
    try {
        const std::string token = tokenToPresent(row.refreshToken);
        if (token.empty())
            throw GatewayError::notAuthenticated(kCallName, 0, "no_refresh_token");
        if (token == _lostToken && context.correlationId == _lostRun) {
            out.answerLost = true;
            throw GatewayError(GatewayErrorKind::AnswerLost, kCallName,
                               "not sent: the answer to this run's request with the same refresh "
                               "token was lost, and a refresh token is not presented twice");
        }
        out.presented = token;
        sendTokenRequest(row, token, context, out);
    } catch (...) {
        out.error = std::current_exception();
    }
    bss::sdk::RotatedRefreshToken rotated;
    if (!out.rotated.empty()) {
        rotated.refreshToken = out.rotated;
        rotated.expiresAt = std::chrono::system_clock::now() + _refreshTokenLifetime;
    }
    return rotated;
}

void TokenManager::refresh(const RequestContext& context) {
    Redemption out;
    for (int round = 1;; ++round) {
        out.wipe();
        out = Redemption{};
        try {
            _store.redeemRefreshToken([&](const bss::sdk::InstanceCredentials& row) {
                return redeemOnce(row, context, out);
            });
            if (!out.rotated.empty()) {
                // Stored: the record holds the live token again.
                wipe(_unstoredToken);
                wipe(_unstoredReplaces);
            }
        } catch (const std::exception& failure) {
            if (out.rotated.empty()) {
                out.wipe();
                throw; // the host refused before a token was rotated: nothing to keep
            }
            keepUnstored(out, failure);
        }
        if (out.answerLost && !out.presented.empty()) {
            _lostToken = out.presented;
            _lostRun = context.correlationId;
            // Another redemption (another process whose lease had lapsed, a new consent) may
            // have stored a newer token meanwhile; that one has never been presented.
            bool moved = false;
            try {
                bss::sdk::InstanceCredentials now = _store.loadCredentials();
                moved = round == 1 && tokenToPresent(now.refreshToken) != out.presented;
                wipe(now.appSecret);
                wipe(now.refreshToken);
            } catch (const std::exception&) {
                // The record cannot be read now: the lost answer is what to report.
            }
            if (moved) {
                _logger.log(GatewayLogLevel::Warning,
                            "instance " + std::to_string(out.instanceId) +
                                ": the answer to the token request was lost; the record holds a "
                                "newer refresh token, which is redeemed instead MS-RequestId=" +
                                out.requestId);
                continue;
            }
        }
        break;
    }
    if (out.error) {
        out.wipe();
        std::rethrow_exception(out.error);
    }
    wipe(_lostToken);
    _lostRun.clear();
    _accessToken = std::move(out.answer.accessToken);
    const std::chrono::seconds expiresIn = out.answer.expiresIn;
    out.wipe();
    // A token shorter-lived than the margin would otherwise be refreshed on every call.
    const auto margin = std::min<std::chrono::seconds>(_margin, expiresIn / 2);
    _refreshAt = std::chrono::steady_clock::now() + expiresIn - margin;
    ++_refreshCount;
    _logger.log(GatewayLogLevel::Info, "access token refreshed, valid for " +
                                           std::to_string(expiresIn.count()) +
                                           " s MS-RequestId=" + out.requestId +
                                           " MS-CorrelationId=" + context.correlationId);
}

} // namespace ict::gateway
