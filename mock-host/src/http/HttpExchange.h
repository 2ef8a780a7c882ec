#pragma once
/// One HTTP request and its answer, with what every handler needs: JSON in and out, the
/// caller from the session cookie, and the host's services.
#include "auth/LoginThrottle.h"
#include "host/ToolGateway.h"
#include "http/SessionStore.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <vector>

namespace mockhost {

inline constexpr const char* kSessionCookie = "mockhost_session";

struct HttpServices {
    Host& host;
    ToolGateway& gateway;
    SessionStore& sessions;
    LoginThrottle& logins;
    std::string webRoot;
    bool https = false; ///< served over TLS: the session cookie is Secure
};

class HttpExchange {
public:
    HttpExchange(HttpServices& services, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response);

    HttpServices& services() { return _services; }
    Poco::Net::HTTPServerRequest& request() { return _request; }
    Poco::Net::HTTPServerResponse& response() { return _response; }
    /// Path split on '/', without empty parts: "/api/tools/x" -> {"api","tools","x"}.
    const std::vector<std::string>& segments() const { return _segments; }
    const std::string& requestId() const { return _requestId; }

    /// The request body ("{}" when empty); at most 1 MiB, else ToolError(InvalidInput).
    std::string body();
    /// The body as a JSON object; ToolError(InvalidInput) otherwise.
    Poco::JSON::Object::Ptr jsonBody();
    /// The logged-in caller; ToolError(Unauthenticated) without a live session.
    bss::sdk::CallContext caller();
    /// The session id from the cookie, or empty.
    std::string sessionId();

    /// Sends the answer. A request body the handler did not read (e.g. refused before it looked
    /// at it) is read and dropped first, so it is not taken for the next request on the
    /// keep-alive connection; a body too large for that closes the connection instead.
    void sendJson(int status, const std::string& json);
    void sendError(const bss::sdk::ToolError& error);

    /// Reads and drops what is left of the request body, at most 1 MiB; past that the
    /// connection is closed after this answer instead (so a client cannot hold a server thread
    /// by sending an endless body after its answer).
    void discardUnreadBody();

private:
    HttpServices& _services;
    Poco::Net::HTTPServerRequest& _request;
    Poco::Net::HTTPServerResponse& _response;
    std::vector<std::string> _segments;
    std::string _requestId;
    bool _bodyRead = false; ///< the request stream was read to its end
};

/// Object -> JSON text.
std::string toJsonText(const Poco::JSON::Object& object);

} // namespace mockhost
