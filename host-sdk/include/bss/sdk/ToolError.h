#pragma once
/// The one exception type allowed to cross the tool boundary.
///
/// Tool::start and Tool::handle report failures by throwing ToolError. A tool catches everything
/// else inside its own code (Poco::Exception, std::exception, ...) and converts it; the host treats
/// any other exception escaping a tool as a defect, logs it and answers Internal.
///
/// Messages are shown to users and written to logs: they must name the field and value at fault
/// and must never contain a secret (app secret, refresh or access token, password).

#include <stdexcept>
#include <string>

#define BSS_SDK_VISIBLE __attribute__((visibility("default")))

namespace bss::sdk {

/// Error classes the host maps to HTTP statuses (see httpStatusFor).
enum class ErrorCode {
    Unset = 0,
    InvalidInput,             ///< 400: the request is malformed; `field` names what.
    Unauthenticated,          ///< 401: no valid host session (the host's own check).
    Forbidden,                ///< 403: the caller may not do this.
    NotFound,                 ///< 404: the thing named does not exist.
    Conflict,                 ///< 409: the state forbids it now (e.g. a run already in progress).
    NotAuthenticatedUpstream, ///< 424: a Microsoft instance is not authenticated or expired.
    UpstreamFailure,          ///< 502: Partner Center failed after retries.
    Unavailable, ///< 503: the host or tool cannot serve now (pool exhausted, stopping).
    Internal,    ///< 500: a defect.
};

/// HTTP status the host answers for a code.
inline int httpStatusFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return 400;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::NotAuthenticatedUpstream:
        return 424;
    case ErrorCode::UpstreamFailure:
        return 502;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Unset:
    case ErrorCode::Internal:
        break;
    }
    return 500;
}

/// Stable lower-case name of a code, used in JSON error bodies ("invalid_input", ...).
inline const char* errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return "invalid_input";
    case ErrorCode::Unauthenticated:
        return "unauthenticated";
    case ErrorCode::Forbidden:
        return "forbidden";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::NotAuthenticatedUpstream:
        return "instance_not_authenticated";
    case ErrorCode::UpstreamFailure:
        return "upstream_failure";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::Unset:
    case ErrorCode::Internal:
        break;
    }
    return "internal";
}

class BSS_SDK_VISIBLE ToolError : public std::runtime_error {
public:
    /// @param field the request field at fault, or empty when none applies.
    /// @param detailsJson an optional JSON object with machine-readable details, or empty.
    ToolError(ErrorCode code, const std::string& message, std::string field = {},
              std::string detailsJson = {})
        : std::runtime_error(message), _code(code), _field(std::move(field)),
          _detailsJson(std::move(detailsJson)) {}

    ErrorCode code() const noexcept { return _code; }
    const std::string& field() const noexcept { return _field; }
    const std::string& detailsJson() const noexcept { return _detailsJson; }

private:
    ErrorCode _code;
    std::string _field;
    std::string _detailsJson;
};

} // namespace bss::sdk
