#include "http/ApiServer.h"

#include "http/Handlers.h"
#include "http/RequestGuard.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using Poco::Net::HTTPRequest;

namespace mockhost {
namespace {

using Handler = void (*)(HttpExchange&);

/// Picks the handler for method and path; null when none matches.
Handler route(const std::string& method, const std::vector<std::string>& s) {
    const bool get = method == HTTPRequest::HTTP_GET;
    const bool post = method == HTTPRequest::HTTP_POST;
    if (s.empty() || s[0] != "api")
        return get ? handleStaticFile : nullptr;
    if (s.size() == 2 && post && s[1] == "login")
        return handleLogin;
    if (s.size() == 2 && post && s[1] == "logout")
        return handleLogout;
    if (s.size() == 2 && get && s[1] == "me")
        return handleMe;
    if (s.size() == 2 && get && s[1] == "tools")
        return handleListTools;
    if (s.size() == 5 && post && s[1] == "tools" && s[3] == "actions")
        return handleToolAction;
    if (s.size() == 5 && (get || post) && s[1] == "tools" && s[3] == "streams")
        return handleToolStream;
    if (s.size() == 3 && get && s[1] == "jobs")
        return handleJobStatus;
    if (s.size() == 4 && post && s[1] == "jobs" && s[3] == "cancel")
        return handleJobCancel;
    if (s.size() == 5 && post && s[1] == "admin" && s[2] == "tools" && s[4] == "enablement")
        return handleToolEnablement;
    return nullptr;
}

std::optional<std::string> header(const Poco::Net::HTTPServerRequest& request,
                                  const std::string& name) {
    return request.has(name) ? std::optional<std::string>(request.get(name)) : std::nullopt;
}

GuardedRequest guarded(const Poco::Net::HTTPServerRequest& request) {
    return {request.getMethod(),       Poco::URI(request.getURI()).getPath(),
            header(request, "Host"),   header(request, "Content-Type"),
            header(request, "Origin"), header(request, "Referer")};
}

// The page loads scripts, styles and data from the host alone (no inline script or style
// attribute: a markup injection could not run), and is never framed. `data:` images: the page's
// empty favicon.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'";

// Set before any handler runs, so every answer carries them: pages, API, downloads and errors.
// The admin page is never to be framed (clickjacking), sniffed into another type, or to leak its
// URLs (a tenant id, a run id) to another site in a Referer. "same-origin", not "no-referrer":
// under no-referrer a browser sends "Origin: null" even on the page's own POSTs, and the
// RequestGuard needs their real Origin.
void setSecurityHeaders(Poco::Net::HTTPServerResponse& response, bool https) {
    if (https)
        response.set("Strict-Transport-Security", "max-age=31536000");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Content-Security-Policy", kContentSecurityPolicy);
    response.set("Referrer-Policy", "same-origin");
}

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(HttpServices& services, const RequestGuard& guard)
        : _services(services), _guard(guard) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        setSecurityHeaders(response, _services.https);
        HttpExchange exchange(_services, request, response);
        if (const std::optional<GuardRefusal> refused = _guard.check(guarded(request))) {
            response.setKeepAlive(false); // its body is not read
            exchange.sendJson(refused->status, ToolGateway::errorJson(ToolError(
                                                   refused->status == 415 ? ErrorCode::InvalidInput
                                                                          : ErrorCode::Forbidden,
                                                   refused->message, refused->field)));
            return;
        }
        try {
            Handler handler = route(request.getMethod(), exchange.segments());
            if (!handler)
                throw ToolError(ErrorCode::NotFound, "No endpoint " + request.getMethod() + " " +
                                                         Poco::URI(request.getURI()).getPath());
            handler(exchange);
            exchange.discardUnreadBody();
        } catch (const ToolError& e) {
            // The body may be unread (refused before reading, or too large): close rather
            // than drain it.
            response.setKeepAlive(false);
            if (!response.sent())
                exchange.sendError(e);
        } catch (const std::exception& e) {
            _services.host.logger().error("request " + exchange.requestId() + " " +
                                          request.getMethod() + " " + request.getURI() +
                                          " failed: " + e.what());
            response.setKeepAlive(false);
            if (!response.sent())
                exchange.sendError(ToolError(ErrorCode::Internal, "Internal error (request " +
                                                                      exchange.requestId() + ")."));
        }
    }

private:
    HttpServices& _services;
    const RequestGuard& _guard;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    RequestHandlerFactory(HttpServices services, const std::vector<std::string>& allowedHosts)
        : _services(std::move(services)), _guard(allowedHosts, _services.https) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new RequestHandler(_services, _guard);
    }

private:
    HttpServices _services;
    RequestGuard _guard;
};

} // namespace

ApiServer::ApiServer(Host& host, unsigned short port, std::string webRoot,
                     std::vector<std::string> allowedHosts, std::optional<ServerTls> tls)
    : _host(host), _gateway(host), _webRoot(std::move(webRoot)),
      _allowedHosts(std::move(allowedHosts)), _tls(std::move(tls)), _requestedPort(port) {}

ApiServer::~ApiServer() {
    stop();
}

void ApiServer::start() {
    const Poco::Net::SocketAddress address("127.0.0.1", _requestedPort);
    Poco::Net::ServerSocket socket;
    if (_tls) {
        Poco::Net::initializeSSL();
        _sslInitialized = true;
        Poco::Net::Context::Params tls;
        tls.certificateFile = _tls->certificateFile;
        tls.privateKeyFile = _tls->privateKeyFile;
        tls.verificationMode = Poco::Net::Context::VERIFY_NONE; // no client certificates
        tls.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, tls);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        socket = Poco::Net::SecureServerSocket(address, 64, context);
    } else {
        socket = Poco::Net::ServerSocket(address);
    }
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    // A keep-alive connection holds its server thread between requests, so the pool must be
    // larger than the connections browsers keep open (six per user), and an idle connection is
    // handed back soon. With Poco's default pool of 16, 20 busy keep-alive clients left four
    // waiting until they timed out.
    params->setMaxThreads(kMaxThreads);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    _threads = std::make_unique<Poco::ThreadPool>(2, kMaxThreads);
    _server = std::make_unique<Poco::Net::HTTPServer>(
        new RequestHandlerFactory(
            HttpServices{_host, _gateway, _sessions, _logins, _webRoot, _tls.has_value()},
            _allowedHosts),
        *_threads, socket, params);
    _server->start();
}

void ApiServer::stop() {
    if (_server) {
        _server->stopAll(true);
        _server.reset();
    }
    if (_threads) {
        _threads->joinAll();
        _threads.reset();
    }
    if (_sslInitialized) {
        Poco::Net::uninitializeSSL();
        _sslInitialized = false;
    }
}

unsigned short ApiServer::port() const {
    return _server ? _server->port() : _requestedPort;
}

} // namespace mockhost
