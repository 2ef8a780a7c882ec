#pragma once
/// Entra ID's answer to a refresh-token grant (v1 endpoint). expires_in arrives as a string or a
/// number. Holds secrets: never log or print it.

#include <chrono>
#include <string>

namespace ict::gateway {

struct TokenResponse {
    std::string accessToken;
    std::string refreshToken; ///< The rotated token; empty when Entra did not send one.
    std::chrono::seconds expiresIn{0};

    /// Required: access_token, expires_in. Throws GatewayError (MalformedResponse) naming the
    /// field; the error text never contains a token.
    static TokenResponse parse(const std::string& body, const std::string& call);

    /// The rotated refresh token of `body`, read before anything else in it is checked, so it can
    /// be stored even when the rest of the answer is malformed (Entra has retired the token it
    /// replaces either way). "" when the body is not a JSON object or has no refresh_token.
    /// Never throws.
    static std::string rotatedRefreshToken(const std::string& body);
};

} // namespace ict::gateway
