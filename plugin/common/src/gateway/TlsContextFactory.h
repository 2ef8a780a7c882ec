#pragma once
/// The TLS client context of one instance: TLS >= 1.2, certificates always verified with
/// VERIFY_STRICT (Poco skips host-name checks on loopback under RELAXED), trusted CAs from the
/// instance's PEM bundle or, when none is configured, the system's defaults. There is deliberately
/// no way to turn verification off. Never touches SSLManager's globals.

#include <Poco/Net/Context.h>

#include <string>

namespace ict::gateway {

class TlsContextFactory {
public:
    /// Throws GatewayError(TlsFailure) when the bundle cannot be read.
    static Poco::Net::Context::Ptr clientContext(const std::string& caBundlePath);
};

} // namespace ict::gateway
