#pragma once
/// What an error answer says, from either shape Partner Center uses:
/// {"code": 20002 | "20002", "description": ...} or the gateway's {"statusCode": 429, "message":
/// "Rate limit is exceeded. Try again in 41 seconds."}; also Entra's token errors
/// {"error": "invalid_grant", "error_codes": [700082], ...}. Never throws: an unreadable body gives
/// an empty result.

#include <optional>
#include <string>

namespace ict::gateway {

struct ApiErrorBody {
    std::string code;                     ///< "20002", "2000", ... ; empty when none was sent.
    std::string description;              ///< description or message, shortened; never a secret.
    std::string oauthError;               ///< Entra "error", e.g. "invalid_grant".
    std::string aadstsCode;               ///< First of Entra's "error_codes", as "AADSTS700082".
    std::optional<int> retryAfterSeconds; ///< From "Try again in N seconds" in the message.

    static ApiErrorBody parse(const std::string& body);
};

/// Seconds of a Retry-After header value ("41"); empty for dates or junk.
std::optional<int> parseRetryAfterHeader(const std::string& value);

} // namespace ict::gateway
