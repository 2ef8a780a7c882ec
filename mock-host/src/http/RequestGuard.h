#pragma once
/// The checks every request to the host's HTTP server passes before it is routed, against DNS
/// rebinding and forged requests from another site (or from another port of 127.0.0.1, which is
/// the same site for SameSite cookies):
///  - Host: its name must be one the host serves under: 127.0.0.1, localhost, [::1], and those
///    given with `serve --allowed-host`. A name rebound to 127.0.0.1 reaches the server, and is
///    refused (403, field "Host"). A request without a Host header (HTTP/1.0) is let through: no
///    browser sends one.
///  - A call under /api that may change something (any method but GET and HEAD) must say
///    Content-Type application/json, which an HTML form cannot send (415, field
///    "Content-Type"); and when it names an Origin, or else a Referer, that must be this server's
///    own scheme, name and port (403, field "Origin" or "Referer"). A client that names neither
///    (curl, the tests' clients) is no browser carrying someone else's cookie.
///
/// Pure: no I/O; one guard serves every request thread.
#include <optional>
#include <string>
#include <vector>

namespace mockhost {

/// What the guard reads of a request; an absent header is nullopt.
struct GuardedRequest {
    std::string method;
    std::string path; ///< without the query
    std::optional<std::string> host;
    std::optional<std::string> contentType;
    std::optional<std::string> origin;
    std::optional<std::string> referer;
};

struct GuardRefusal {
    int status = 403;
    std::string field;   ///< the header refused
    std::string message; ///< names the header and its value
};

class RequestGuard {
public:
    /// `extraHosts`: host names besides the loopback ones (case does not matter). `https`: the
    /// server speaks TLS, so its own origin is https://<host>.
    explicit RequestGuard(const std::vector<std::string>& extraHosts = {}, bool https = false);

    /// Why `request` is refused; nullopt when it passes.
    std::optional<GuardRefusal> check(const GuardedRequest& request) const;

private:
    std::vector<std::string> _hosts; ///< lower case
    std::string _scheme;             ///< "http://" or "https://"
};

} // namespace mockhost
