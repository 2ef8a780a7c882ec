#pragma once

#include "EmulatorOptions.h"
#include "control/EmulatorState.h"
#include "tls/TlsFiles.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>

namespace mockhost::emulator {

/// An emulated Microsoft Partner Center (and its Entra ID token endpoint) over real TLS on
/// loopback. Both the login authority and the API base are baseUrl(): the token endpoint is
/// POST {baseUrl}/{partnerTenantId}/oauth2/token, the API {baseUrl}/v1/...
///
/// Lifecycle: construct (generates or loads the data, creates certificates in
/// options.certDirectory when missing), start(), stop() (also in the destructor). Not copyable.
/// start() throws Poco::Exception when the port is taken or a certificate cannot be made.
/// state() gives the control operations (faults, tokens, changes, counters); they are
/// thread-safe and may be called while the server runs.
class PartnerCenterEmulator {
public:
    explicit PartnerCenterEmulator(EmulatorOptions options);
    ~PartnerCenterEmulator();
    PartnerCenterEmulator(const PartnerCenterEmulator&) = delete;
    PartnerCenterEmulator& operator=(const PartnerCenterEmulator&) = delete;

    void start();
    void stop();
    bool running() const { return _server != nullptr; }

    /// The bound port (the ephemeral one when options.port was 0). 0 before start().
    Poco::UInt16 port() const { return _port; }
    /// "https://127.0.0.1:<port>".
    std::string baseUrl() const;
    /// The CA that signed the certificate being served (trust this in clients).
    const std::string& caCertificatePath() const { return _tls.caCertificate; }
    /// The emulator's own trusted CA, whichever certificate kind is served.
    std::string trustedCaPath() const;
    const TlsFiles& tlsFiles() const { return _tls; }

    std::string partnerTenantId() const { return _state.partnerTenantId(); }
    /// The refresh token valid at start (deterministic per seed).
    std::string initialRefreshToken() const { return _state.initialRefreshToken(); }

    EmulatorState& state() { return _state; }
    const EmulatorState& state() const { return _state; }

private:
    EmulatorOptions _options;
    EmulatorState _state;
    TlsFiles _tls;
    std::unique_ptr<Poco::ThreadPool> _threads;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    Poco::UInt16 _port = 0;
};

} // namespace mockhost::emulator
