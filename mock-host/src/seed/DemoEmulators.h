#pragma once
/// The Partner Center emulators behind the demo (`--emulator`), run in-process on 127.0.0.1.
///
/// Two emulators, because one emulated Partner Center is one partner: a direct data set on
/// `port` for "Global Partner Center (direct)" and an indirect one on `port + 1` for "Indirect
/// Provider" (port 0: two ephemeral ports). "Expired Token Instance" uses the direct emulator
/// with a refresh token the emulator rejects as expired (AADSTS700082). Data and tokens depend
/// only on seed and tenant count. Both share one CA (certDirectory). Not copyable; stop() or the
/// destructor stops both. start() throws Poco::Exception when a port is taken.
#include "seed/DemoEndpoint.h"

#include <PartnerCenterEmulator.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mockhost {

struct DemoEmulatorOptions {
    int port = 8443;   ///< --emulator-port; the indirect one listens on port + 1; 0 = ephemeral
    int tenants = 100; ///< --emulator-tenants, per emulator
    std::uint64_t seed = 42; ///< --emulator-seed (the indirect data set uses seed + 1)
    std::string certDirectory = "var/emulator"; ///< --emulator-cert-dir
    int latencyMs = 0;                          ///< --emulator-latency-ms, added to every request
    int rateLimitPerMinute = 500; ///< --emulator-rate-limit, per emulator; 0 = unlimited
};

class DemoEmulators {
public:
    /// Generates both data sets and the certificates (when missing).
    explicit DemoEmulators(const DemoEmulatorOptions& options);
    ~DemoEmulators();
    DemoEmulators(const DemoEmulators&) = delete;
    DemoEmulators& operator=(const DemoEmulators&) = delete;

    void start();
    void stop();

    /// The three demo instances' endpoints; valid after start().
    const std::vector<DemoEndpoint>& endpoints() const { return _endpoints; }
    /// One line per emulator (URL, partner tenant, data set size, CA); no secrets.
    std::vector<std::string> describe() const;
    /// One line per emulator: the requests it served, in total and per endpoint.
    std::vector<std::string> describeRequests() const;

    emulator::PartnerCenterEmulator& direct() { return *_direct; }
    emulator::PartnerCenterEmulator& indirect() { return *_indirect; }

private:
    DemoEmulatorOptions _options;
    std::unique_ptr<emulator::PartnerCenterEmulator> _direct;
    std::unique_ptr<emulator::PartnerCenterEmulator> _indirect;
    std::vector<DemoEndpoint> _endpoints;
};

} // namespace mockhost
