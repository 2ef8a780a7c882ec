#pragma once
/// The one exception type the Partner Center gateway throws. Its kind says what a caller can do
/// about it; its text names the call (e.g. "GET /v1/customers/{id}/subscriptions") and never holds
/// a token, secret or response body.

#include <stdexcept>
#include <string>

namespace ict::gateway {

enum class GatewayErrorKind {
    NotFound,           ///< HTTP 404: the customer, reseller or resource is unknown.
    CustomerLeft,       ///< HTTP 403 code 20002: no relationship between partner and customer.
    NotAuthenticated,   ///< Refresh token expired/revoked, MFA needed, or 401: re-consent needed.
    ThrottledExhausted, ///< Still HTTP 429 after the configured attempts.
    TransientExhausted, ///< 5xx, timeouts or cut connections after the configured attempts.
    MalformedResponse,  ///< Body not JSON, or a required field missing or of the wrong type.
    Rejected,           ///< Any other 4xx answer (bad request, forbidden, ...).
    TlsFailure,         ///< Certificate refused (untrusted CA, wrong host name) or TLS failure.
    Cancelled,          ///< The caller's cancellation check said stop.
    /// A request that must not be sent twice (HttpCall::replayAfterSend false) was sent, and its
    /// answer was lost (timeout, cut connection): the server may have carried it out.
    AnswerLost,
};

/// Stable names: "not_found", "customer_left", "not_authenticated", ...
const char* gatewayErrorKindName(GatewayErrorKind kind);

class GatewayError : public std::runtime_error {
public:
    /// `call` is the templated call name; `detail` the reason; `code` Partner Center's or Entra's
    /// error code when one was sent (e.g. "20002", "AADSTS700082"), else empty.
    GatewayError(GatewayErrorKind kind, const std::string& call, const std::string& detail,
                 int httpStatus = 0, const std::string& code = "");

    GatewayErrorKind kind() const { return _kind; }
    const std::string& call() const { return _call; }
    int httpStatus() const { return _httpStatus; }
    const std::string& code() const { return _code; }
    /// True when no other call of the run can succeed either (not authenticated, an answer lost
    /// after a token POST, TLS refused, cancelled): a run stops instead of going on to the next
    /// customer.
    bool endsTheRun() const;

    static GatewayError malformed(const std::string& call, const std::string& detail);
    static GatewayError notAuthenticated(const std::string& call, int httpStatus,
                                         const std::string& code);
    static GatewayError cancelled(const std::string& call);

private:
    GatewayErrorKind _kind;
    std::string _call;
    int _httpStatus;
    std::string _code;
};

} // namespace ict::gateway
