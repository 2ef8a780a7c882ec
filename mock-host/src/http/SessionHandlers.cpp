#include "http/Handlers.h"
#include "support/LogText.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPCookie.h>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

/// 429 with Retry-After: the page shows the message under the form.
void refuseWhileBackingOff(HttpExchange& exchange, std::chrono::seconds wait) {
    exchange.response().set("Retry-After", std::to_string(wait.count()));
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
    error->set("code", std::string("too_many_attempts"));
    error->set("message", "Too many failed log-ins for this login or from this address: try "
                          "again in " +
                              std::to_string(wait.count()) + " s.");
    error->set("field", std::string("login"));
    Poco::JSON::Object answer;
    answer.set("error", error);
    exchange.sendJson(429, toJsonText(answer));
}

} // namespace

void handleLogin(HttpExchange& exchange) {
    Poco::JSON::Object::Ptr body = exchange.jsonBody();
    const std::string login = body->optValue<std::string>("login", "");
    const std::string password = body->optValue<std::string>("password", "");
    if (login.empty())
        throw ToolError(ErrorCode::InvalidInput, "login is required.", "login");
    HttpServices& services = exchange.services();
    const std::string address = exchange.request().clientAddress().host().toString();
    // Checked before the password, so a guess during the back-off tells nothing.
    if (const std::chrono::seconds wait = services.logins.wait(login, address); wait.count() > 0) {
        services.host.logger().warning("log-in for '" + printableForLog(login) + "' from " +
                                       address + " refused for " + std::to_string(wait.count()) +
                                       " s after repeated failures");
        refuseWhileBackingOff(exchange, wait);
        return;
    }
    auto user = services.host.users().authenticate(login, password);
    if (!user) {
        services.logins.failed(login, address);
        services.host.logger().warning("failed log-in for '" + printableForLog(login) + "' from " +
                                       address);
        throw ToolError(ErrorCode::Unauthenticated, "Wrong login or password.");
    }
    services.logins.succeeded(login, address);
    // A new session id at every log-in, and the one the browser came with ends: an id planted
    // in the browser before the log-in (session fixation) is worth nothing after it.
    if (const std::string previous = exchange.sessionId(); !previous.empty())
        services.sessions.remove(previous);
    const std::string id = services.sessions.create(user->user.id);
    Poco::Net::HTTPCookie cookie(kSessionCookie, id);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(services.https);
    // Strict keeps other sites from riding the session on a POST (CSRF).
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    cookie.setMaxAge(static_cast<int>(exchange.services().sessions.lifetime().count()));
    exchange.response().addCookie(cookie);
    Poco::JSON::Object answer;
    answer.set("login", user->user.login);
    answer.set("displayName", user->user.displayName);
    exchange.sendJson(200, toJsonText(answer));
}

void handleLogout(HttpExchange& exchange) {
    const std::string id = exchange.sessionId();
    if (!id.empty())
        exchange.services().sessions.remove(id);
    Poco::Net::HTTPCookie cookie(kSessionCookie, "");
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setMaxAge(0);
    exchange.response().addCookie(cookie);
    exchange.sendJson(200, "{\"loggedOut\":true}");
}

void handleMe(HttpExchange& exchange) {
    const bss::sdk::CallContext caller = exchange.caller();
    Poco::JSON::Object::Ptr user = new Poco::JSON::Object;
    user->set("id", caller.user.id);
    user->set("login", caller.user.login);
    user->set("displayName", caller.user.displayName);
    Poco::JSON::Object::Ptr org = new Poco::JSON::Object;
    org->set("id", caller.organization.id);
    org->set("name", caller.organization.name);
    org->set("kind", std::string(bss::sdk::organizationKindName(caller.organization.kind)));
    if (caller.organization.parentId)
        org->set("parentId", *caller.organization.parentId);
    Poco::JSON::Array::Ptr permissions = new Poco::JSON::Array;
    for (const std::string& permission : caller.permissions)
        permissions->add(permission);
    Poco::JSON::Object answer;
    answer.set("user", user);
    answer.set("organization", org);
    answer.set("permissions", permissions);
    exchange.sendJson(200, toJsonText(answer));
}

} // namespace mockhost
