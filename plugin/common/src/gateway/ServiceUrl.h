#pragma once
/// An https base URL split for the session pools: host, port and an optional path prefix (no
/// trailing slash). Only https is accepted: there is no plain-HTTP mode.

#include <cstdint>
#include <string>

namespace ict::gateway {

struct ServiceUrl {
    std::string host;
    std::uint16_t port = 443;
    std::string basePath; ///< "" or e.g. "/pc"; prepended to every request target.

    /// Throws GatewayError(Rejected) naming `what` and the value when `url` is not https://host.
    static ServiceUrl parse(const std::string& url, const std::string& what);
};

} // namespace ict::gateway
