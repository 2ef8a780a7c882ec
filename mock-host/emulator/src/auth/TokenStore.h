#pragma once

#include "common/SeededRandom.h"

#include <Poco/Timestamp.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mockhost::emulator {

/// What the token endpoint makes of a presented refresh token.
enum class RefreshTokenState {
    Valid,
    Unknown,     ///< never issued: AADSTS9002313-style invalid_grant
    Expired,     ///< AADSTS700082
    Revoked,     ///< AADSTS50173
    MfaRequired, ///< AADSTS50076
    Retired,     ///< redeemed once under strict rotation; presenting it again is a reuse (50173)
};

/// What Partner Center makes of a presented access token.
enum class AccessTokenState { Valid, Missing, Unknown, Expired };

/// Refresh and access tokens of the emulated Entra ID. Tokens are opaque strings drawn from a
/// seeded generator (the first refresh token depends only on the seed). Redeeming a refresh
/// token rotates it: a new one is returned; the old one stays usable unless strict rotation is
/// on, which retires it. Every token descends from one consent (issueRefreshToken()): its
/// family. Presenting a retired token is a reuse: with `revokeFamilyOnReuse` every token of its
/// family is revoked, the newest included, as Entra may do. Not thread-safe:
/// EmulatorState serialises access.
class TokenStore {
public:
    struct Issued {
        std::string accessToken;
        std::string refreshToken;
        int expiresInSeconds = 0;
        Poco::Timestamp notBefore;
        Poco::Timestamp expiresOn;
    };

    TokenStore(std::uint64_t seed, int accessTokenLifetimeSeconds);

    /// The refresh token issued at construction (what the demo prints).
    const std::string& initialRefreshToken() const { return _initial; }
    /// A new valid refresh token, as after a fresh consent.
    std::string issueRefreshToken();
    /// How a redemption treats the presented token and its family.
    struct Rotation {
        bool strict = false;              ///< retire the presented token
        bool revokeFamilyOnReuse = false; ///< a retired token presented revokes its family
    };
    /// Valid: fills `issued` and rotates. Otherwise leaves `issued` alone.
    RefreshTokenState redeem(const std::string& refreshToken, const Poco::Timestamp& now,
                             const Rotation& rotation, Issued& issued);
    /// What a redemption of `refreshToken` would meet now (Unknown when never issued).
    RefreshTokenState state(const std::string& refreshToken) const;
    /// An app-only access token (client credentials grant): no refresh token.
    Issued issueAppOnly(const Poco::Timestamp& now);
    /// `appOnly` (optional) receives whether a known token is app-only.
    AccessTokenState checkAccess(const std::string& accessToken, const Poco::Timestamp& now,
                                 bool* appOnly = nullptr) const;

    /// Puts every refresh token issued so far into `state` (tokens issued later are valid).
    void setAllRefreshTokens(RefreshTokenState state);
    /// Every access token issued so far is expired from now on.
    void expireAccessTokens();
    void setAccessTokenLifetime(int seconds) { _lifetimeSeconds = seconds; }
    /// Every refresh and access token issued so far (tests search logs and pages for them).
    std::vector<std::string> issuedTokens() const;
    int accessTokenLifetime() const { return _lifetimeSeconds; }

private:
    SeededRandom _random;
    int _lifetimeSeconds;
    std::string _initial;
    struct RefreshGrant {
        RefreshTokenState state = RefreshTokenState::Valid;
        int family = 0;
    };
    std::string issueInFamily(int family);

    std::map<std::string, RefreshGrant> _refreshTokens;
    int _families = 0;
    struct AccessGrant {
        Poco::Timestamp expiresAt;
        bool appOnly;
    };
    Issued newAccessToken(const Poco::Timestamp& now, bool appOnly);

    std::map<std::string, AccessGrant> _accessTokens;
};

} // namespace mockhost::emulator
