#pragma once
/// The host's HTTP server on 127.0.0.1: the JSON API under /api and static pages from a web root.
///
/// Lifetime: start() binds and serves on its own thread pool (64 threads); stop() stops accepting
/// and waits for running requests. The Host must outlive the server.
#include "auth/LoginThrottle.h"
#include "host/ToolGateway.h"
#include "http/SessionStore.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mockhost {

/// PEM files of the certificate (with its chain) and private key `serve` presents.
struct ServerTls {
    std::string certificateFile;
    std::string privateKeyFile;
};

class ApiServer {
public:
    /// @param port 0 picks a free port (see port()).
    /// @param webRoot folder of static pages served for GET outside /api; may not exist.
    /// @param allowedHosts host names it answers under besides 127.0.0.1, localhost and [::1]
    ///        (see RequestGuard).
    /// @param tls when given, serves HTTPS only (TLS 1.2 or later) with that certificate and
    ///        key; the session cookie is then Secure and answers carry Strict-Transport-Security.
    ApiServer(Host& host, unsigned short port, std::string webRoot,
              std::vector<std::string> allowedHosts = {}, std::optional<ServerTls> tls = {});
    ~ApiServer();
    void start();
    void stop();
    unsigned short port() const;
    /// "http" or "https".
    const char* scheme() const { return _tls ? "https" : "http"; }

private:
    Host& _host;
    ToolGateway _gateway;
    SessionStore _sessions;
    LoginThrottle _logins;
    std::string _webRoot;
    std::vector<std::string> _allowedHosts;
    std::optional<ServerTls> _tls;
    unsigned short _requestedPort;
    static constexpr int kMaxThreads = 64;      ///< requests (and keep-alive connections) at once
    std::unique_ptr<Poco::ThreadPool> _threads; ///< the server's own, outlives _server
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    bool _sslInitialized = false;
};

} // namespace mockhost
