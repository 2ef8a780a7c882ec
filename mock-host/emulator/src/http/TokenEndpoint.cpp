#include "http/TokenEndpoint.h"

#include "common/IsoTime.h"
#include "common/JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/String.h>
#include <Poco/UUIDGenerator.h>

namespace mockhost::emulator {

namespace {

Reply entraError(int status, const std::string& error, int code, const std::string& message) {
    const Poco::Timestamp now;
    const std::string trace = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    const std::string correlation =
        Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    const std::string timestamp = IsoTime::withFraction(now);
    auto body = JsonText::object();
    body->set("error", error);
    body->set("error_description", "AADSTS" + std::to_string(code) + ": " + message +
                                       " Trace ID: " + trace + " Correlation ID: " + correlation +
                                       " Timestamp: " + timestamp);
    Poco::JSON::Array::Ptr codes(new Poco::JSON::Array);
    codes->add(code);
    body->set("error_codes", codes);
    body->set("timestamp", timestamp);
    body->set("trace_id", trace);
    body->set("correlation_id", correlation);
    body->set("error_uri", "https://login.microsoftonline.com/error?code=" + std::to_string(code));
    return Reply::json(status, body);
}

Reply missing(const std::string& name) {
    return entraError(400, "invalid_request", 900144,
                      "The request body must contain the following parameter: '" + name + "'.");
}

std::string epoch(const Poco::Timestamp& time) {
    return std::to_string(time.epochTime());
}

Reply tokenBody(EmulatorState& state, const TokenStore::Issued& issued, bool delegated,
                bool malformedExpiresIn = false) {
    const bool asString = state.compatibility().expiresInAsString;
    auto body = JsonText::object();
    body->set("token_type", "Bearer");
    if (delegated)
        body->set("scope", "user_impersonation");
    if (malformedExpiresIn) {
        body->set("expires_in", "soon");
        body->set("ext_expires_in", "soon");
    } else if (asString) {
        body->set("expires_in", std::to_string(issued.expiresInSeconds));
        body->set("ext_expires_in", std::to_string(issued.expiresInSeconds));
    } else {
        body->set("expires_in", issued.expiresInSeconds);
        body->set("ext_expires_in", issued.expiresInSeconds);
    }
    body->set("expires_on", epoch(issued.expiresOn));
    body->set("not_before", epoch(issued.notBefore));
    body->set("resource", std::string(TokenEndpoint::kResource));
    body->set("access_token", issued.accessToken);
    if (delegated)
        body->set("refresh_token", issued.refreshToken);
    return Reply::json(200, body);
}

} // namespace

Reply TokenEndpoint::serve(EmulatorState& state, const ApiRequest& request) {
    const std::string tenant = request.param("tenant");
    const PartnerInfo partner = state.withData([](const DataSet& data) { return data.partner; });
    if (Poco::icompare(tenant, partner.tenantId) != 0 &&
        Poco::icompare(tenant, partner.domain) != 0)
        return entraError(400, "invalid_request", 90002,
                          "Tenant '" + tenant +
                              "' not found. Check to make sure you have the "
                              "correct tenant ID and are signing into the "
                              "correct cloud.");
    Poco::Net::HTMLForm form;
    try {
        form.read(request.body);
    } catch (const Poco::Exception&) {
        return entraError(400, "invalid_request", 900144, "The request body is not a form.");
    }
    const std::string grantType = form.get("grant_type", "");
    if (grantType.empty())
        return missing("grant_type");
    if (grantType != "refresh_token" && grantType != "client_credentials")
        return entraError(400, "unsupported_grant_type", 70003,
                          "The app requested an unsupported grant type '" + grantType + "'.");
    const EmulatorOptions& options = state.options();
    const std::string clientId = form.get("client_id", "");
    if (clientId.empty())
        return missing("client_id");
    if (!options.clientId.empty() &&
        (clientId != options.clientId || form.get("client_secret", "") != options.clientSecret))
        return entraError(401, "invalid_client", 7000215,
                          "Invalid client secret provided. Ensure the secret being sent in the "
                          "request is the client secret value, not the client secret ID, for a "
                          "secret added to app '" +
                              clientId + "'.");
    const std::string resource = form.get("resource", "");
    const std::string scope = form.get("scope", "");
    const bool v2Scope = scope.find(std::string(kResource) + "/") != std::string::npos;
    if (resource != kResource && !(resource.empty() && v2Scope))
        return entraError(400, "invalid_resource", 500011,
                          "The resource principal named " +
                              (resource.empty() ? std::string("(none)") : resource) +
                              " was not found in the tenant named " + partner.tenantId + ".");

    if (grantType == "client_credentials") {
        if (form.get("client_secret", "").empty())
            return missing("client_secret");
        return tokenBody(state, state.issueAppOnlyToken(), false);
    }
    const std::string refreshToken = form.get("refresh_token", "");
    if (refreshToken.empty())
        return missing("refresh_token");
    FaultInjector& faults = state.faultInjector();
    if (faults.take(&FaultSettings::tokenServerErrors))
        return entraError(503, "temporarily_unavailable", 90033,
                          "A transient error has occurred. Please try again.");
    TokenStore::Issued issued;
    switch (state.redeem(refreshToken, issued)) {
    case RefreshTokenState::Valid:
        break;
    case RefreshTokenState::Unknown:
        return entraError(400, "invalid_grant", 9002313,
                          "Invalid request. Request is malformed or invalid.");
    case RefreshTokenState::Expired:
        return entraError(400, "invalid_grant", 700082,
                          "The refresh token has expired due to inactivity. The token was "
                          "issued on 2026-08-01T00:00:00.0000000Z and was inactive for "
                          "90.00:00:00.");
    case RefreshTokenState::Retired:
        state.counters().increment("token.reused", false);
        [[fallthrough]];
    case RefreshTokenState::Revoked:
        return entraError(400, "invalid_grant", 50173,
                          "The provided grant has expired due to it being revoked, a fresh auth "
                          "token is needed. The user might have changed or reset their "
                          "password.");
    case RefreshTokenState::MfaRequired:
        return entraError(400, "invalid_grant", 50076,
                          "Due to a configuration change made by your administrator, or because "
                          "you moved to a new location, you must use multi-factor "
                          "authentication to access '" +
                              std::string(kResource) + "'.");
    }
    // Checked after the rotation: the old token is gone whatever becomes of the answer.
    if (faults.take(&FaultSettings::dropTokenAnswers)) {
        Reply lost;
        lost.dropConnection = true;
        return lost;
    }
    return tokenBody(state, issued, true, faults.take(&FaultSettings::malformedExpiresIn));
}

} // namespace mockhost::emulator
