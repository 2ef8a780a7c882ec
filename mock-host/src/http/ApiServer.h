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
#include <string>
#include <vector>

namespace mockhost {

class ApiServer {
public:
    /// @param port 0 picks a free port (see port()).
    /// @param webRoot folder of static pages served for GET outside /api; may not exist.
    /// @param allowedHosts host names it answers under besides 127.0.0.1, localhost and [::1]
    ///        (see RequestGuard).
    ApiServer(Host& host, unsigned short port, std::string webRoot,
              std::vector<std::string> allowedHosts = {});
    ~ApiServer();
    void start();
    void stop();
    unsigned short port() const;

private:
    Host& _host;
    ToolGateway _gateway;
    SessionStore _sessions;
    LoginThrottle _logins;
    std::string _webRoot;
    std::vector<std::string> _allowedHosts;
    unsigned short _requestedPort;
    static constexpr int kMaxThreads = 64;      ///< requests (and keep-alive connections) at once
    std::unique_ptr<Poco::ThreadPool> _threads; ///< the server's own, outlives _server
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

} // namespace mockhost
