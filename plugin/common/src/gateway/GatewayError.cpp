#include "gateway/GatewayError.h"

namespace ict::gateway {

const char* gatewayErrorKindName(GatewayErrorKind kind) {
    switch (kind) {
    case GatewayErrorKind::NotFound:
        return "not_found";
    case GatewayErrorKind::CustomerLeft:
        return "customer_left";
    case GatewayErrorKind::NotAuthenticated:
        return "not_authenticated";
    case GatewayErrorKind::ThrottledExhausted:
        return "throttled_exhausted";
    case GatewayErrorKind::TransientExhausted:
        return "transient_exhausted";
    case GatewayErrorKind::MalformedResponse:
        return "malformed_response";
    case GatewayErrorKind::Rejected:
        return "rejected";
    case GatewayErrorKind::TlsFailure:
        return "tls_failure";
    case GatewayErrorKind::Cancelled:
        return "cancelled";
    case GatewayErrorKind::AnswerLost:
        return "answer_lost";
    }
    return "unknown";
}

GatewayError::GatewayError(GatewayErrorKind kind, const std::string& call,
                           const std::string& detail, int httpStatus, const std::string& code)
    : std::runtime_error(call + " " + detail), _kind(kind), _call(call), _httpStatus(httpStatus),
      _code(code) {}

GatewayError GatewayError::malformed(const std::string& call, const std::string& detail) {
    return GatewayError(GatewayErrorKind::MalformedResponse, call,
                        "returned a malformed response: " + detail);
}

GatewayError GatewayError::notAuthenticated(const std::string& call, int httpStatus,
                                            const std::string& code) {
    std::string detail = "failed: instance not authenticated or authentication expired";
    if (!code.empty())
        detail += " (" + code + ")";
    return GatewayError(GatewayErrorKind::NotAuthenticated, call, detail, httpStatus, code);
}

GatewayError GatewayError::cancelled(const std::string& call) {
    return GatewayError(GatewayErrorKind::Cancelled, call, "cancelled");
}

bool GatewayError::endsTheRun() const {
    return _kind == GatewayErrorKind::NotAuthenticated || _kind == GatewayErrorKind::AnswerLost ||
           _kind == GatewayErrorKind::TlsFailure || _kind == GatewayErrorKind::Cancelled;
}

} // namespace ict::gateway
