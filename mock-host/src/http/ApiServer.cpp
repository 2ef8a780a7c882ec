#include "http/ApiServer.h"

#include "http/Handlers.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
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

/// Reads what a handler left of the request body. The connection is kept alive, so unread body
/// bytes would otherwise be parsed as the start of the next request (a POST /api/logout with "{}"
/// turned the browser's next GET into "{}GET /api/me").
void drainBody(Poco::Net::HTTPServerRequest& request) {
    std::istream& in = request.stream();
    char buffer[4096];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    }
}

// Set before any handler runs, so every answer carries them: pages, API, downloads and errors.
// The admin page is never to be framed (clickjacking), sniffed into another type, or to leak its
// URLs (a tenant id, a run id) to another site in a Referer.
void setSecurityHeaders(Poco::Net::HTTPServerResponse& response) {
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Content-Security-Policy", "frame-ancestors 'none'");
    response.set("Referrer-Policy", "no-referrer");
}

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit RequestHandler(HttpServices& services) : _services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        setSecurityHeaders(response);
        HttpExchange exchange(_services, request, response);
        try {
            Handler handler = route(request.getMethod(), exchange.segments());
            if (!handler)
                throw ToolError(ErrorCode::NotFound, "No endpoint " + request.getMethod() + " " +
                                                         Poco::URI(request.getURI()).getPath());
            handler(exchange);
            drainBody(request);
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
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit RequestHandlerFactory(HttpServices services) : _services(std::move(services)) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new RequestHandler(_services);
    }

private:
    HttpServices _services;
};

} // namespace

ApiServer::ApiServer(Host& host, unsigned short port, std::string webRoot)
    : _host(host), _gateway(host), _webRoot(std::move(webRoot)), _requestedPort(port) {}

ApiServer::~ApiServer() {
    stop();
}

void ApiServer::start() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", _requestedPort));
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
        new RequestHandlerFactory(HttpServices{_host, _gateway, _sessions, _webRoot}), *_threads,
        socket, params);
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
}

unsigned short ApiServer::port() const {
    return _server ? _server->port() : _requestedPort;
}

} // namespace mockhost
