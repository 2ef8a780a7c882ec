#include "auth/TokenStore.h"

#include <Poco/Timespan.h>

namespace mockhost::emulator {

TokenStore::TokenStore(std::uint64_t seed, int accessTokenLifetimeSeconds)
    : _random(seed ^ 0x70CE5ULL), _lifetimeSeconds(accessTokenLifetimeSeconds) {
    _initial = issueRefreshToken();
}

std::string TokenStore::issueRefreshToken() {
    return issueInFamily(++_families);
}

std::string TokenStore::issueInFamily(int family) {
    // Real refresh tokens are long opaque strings starting "0.A"; only the opacity matters.
    const std::string token = "0.AEMU." + _random.hex(48);
    _refreshTokens[token] = {RefreshTokenState::Valid, family};
    return token;
}

RefreshTokenState TokenStore::redeem(const std::string& refreshToken, const Poco::Timestamp& now,
                                     const Rotation& rotation, Issued& issued) {
    const auto found = _refreshTokens.find(refreshToken);
    if (found == _refreshTokens.end())
        return RefreshTokenState::Unknown;
    RefreshGrant& grant = found->second;
    if (grant.state == RefreshTokenState::Retired) {
        if (rotation.revokeFamilyOnReuse)
            for (auto& entry : _refreshTokens)
                if (entry.second.family == grant.family)
                    entry.second.state = RefreshTokenState::Revoked;
        return RefreshTokenState::Retired;
    }
    if (grant.state != RefreshTokenState::Valid)
        return grant.state;
    if (rotation.strict)
        grant.state = RefreshTokenState::Retired;
    issued = newAccessToken(now, false);
    issued.refreshToken = issueInFamily(grant.family);
    return RefreshTokenState::Valid;
}

RefreshTokenState TokenStore::state(const std::string& refreshToken) const {
    const auto found = _refreshTokens.find(refreshToken);
    return found == _refreshTokens.end() ? RefreshTokenState::Unknown : found->second.state;
}

TokenStore::Issued TokenStore::issueAppOnly(const Poco::Timestamp& now) {
    return newAccessToken(now, true);
}

TokenStore::Issued TokenStore::newAccessToken(const Poco::Timestamp& now, bool appOnly) {
    Issued issued;
    issued.accessToken = "eyEMU." + _random.hex(64);
    issued.expiresInSeconds = _lifetimeSeconds;
    issued.notBefore = now;
    issued.expiresOn = now + Poco::Timespan(_lifetimeSeconds, 0);
    _accessTokens[issued.accessToken] = {issued.expiresOn, appOnly};
    return issued;
}

AccessTokenState TokenStore::checkAccess(const std::string& accessToken, const Poco::Timestamp& now,
                                         bool* appOnly) const {
    if (accessToken.empty())
        return AccessTokenState::Missing;
    const auto found = _accessTokens.find(accessToken);
    if (found == _accessTokens.end())
        return AccessTokenState::Unknown;
    if (appOnly)
        *appOnly = found->second.appOnly;
    return now < found->second.expiresAt ? AccessTokenState::Valid : AccessTokenState::Expired;
}

void TokenStore::setAllRefreshTokens(RefreshTokenState state) {
    for (auto& entry : _refreshTokens)
        entry.second.state = state;
}

std::vector<std::string> TokenStore::issuedTokens() const {
    std::vector<std::string> tokens;
    for (const auto& entry : _refreshTokens)
        tokens.push_back(entry.first);
    for (const auto& entry : _accessTokens)
        tokens.push_back(entry.first);
    return tokens;
}

void TokenStore::expireAccessTokens() {
    const Poco::Timestamp now;
    for (auto& entry : _accessTokens)
        entry.second.expiresAt = now;
}

} // namespace mockhost::emulator
