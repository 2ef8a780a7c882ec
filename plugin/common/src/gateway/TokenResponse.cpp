#include "gateway/TokenResponse.h"

#include "gateway/GatewayError.h"
#include "gateway/JsonFields.h"

namespace ict::gateway {

TokenResponse TokenResponse::parse(const std::string& body, const std::string& call) {
    Poco::JSON::Object::Ptr root;
    try {
        root = json::parseObject(body, call);
    } catch (const GatewayError&) {
        // The parser's message may quote part of the body, which could hold a token.
        throw GatewayError::malformed(call, "token response is not a JSON object");
    }
    TokenResponse response;
    response.accessToken = json::requiredString(root, "access_token", call, "");
    response.refreshToken = json::optionalString(root, "refresh_token", call, "");
    if (!root->has("expires_in"))
        throw GatewayError::malformed(call, "missing required field 'expires_in'");
    const auto seconds = json::optionalInt(root, "expires_in", -1, call, "");
    if (seconds <= 0)
        throw GatewayError::malformed(call, "field 'expires_in' is not a positive number");
    response.expiresIn = std::chrono::seconds(seconds);
    return response;
}

std::string TokenResponse::rotatedRefreshToken(const std::string& body) {
    try {
        return json::optionalString(json::parseObject(body, ""), "refresh_token", "", "");
    } catch (const std::exception&) {
        return "";
    }
}

} // namespace ict::gateway
