#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// The Entra ID v1 token endpoint, POST /{tenant}/oauth2/token. grant_type=client_credentials
/// (client_id, client_secret, resource) gives an app-only access token (no refresh token; the
/// app+user-only APIs then answer 403 code 900329). The delegated form body is
/// grant_type=refresh_token&refresh_token=..&client_id=..&client_secret=..&resource=
/// https://api.partnercenter.microsoft.com. Success: {token_type, scope, expires_in, ...,
/// access_token, refresh_token (rotated)}. Failures use Entra's {error, error_description
/// "AADSTSnnn: ...", error_codes:[n], timestamp, trace_id, correlation_id, error_uri}:
/// 400 invalid_grant 700082 (expired), 50173 (revoked), 50076 (MFA), 9002313 (unknown token);
/// 400 unsupported_grant_type 70003; 400 invalid_request 90002 (unknown tenant) / 900144
/// (missing parameter); 400 invalid_resource 500011; 401 invalid_client 7000215. A retired
/// token (strict rotation) answers like a revoked one and counts as "token.reused". The counted
/// token faults of FaultSettings apply to refresh-token grants: 503 temporarily_unavailable
/// 90033 before the token is looked at; after a rotation, the answer dropped or its expires_in
/// malformed.
class TokenEndpoint {
public:
    static constexpr const char* kResource = "https://api.partnercenter.microsoft.com";

    static Reply serve(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
