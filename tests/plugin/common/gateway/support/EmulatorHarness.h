#pragma once
// Starts the Partner Center emulator in-process for one test, and hands out the instance
// credentials and client options that point at it. Certificates live in a directory per suite
// under the build tree (created by the emulator once, then reused).

#include "PartnerCenterEmulator.h"
#include "bss/sdk/Instances.h"
#include "gateway/ClientOptions.h"

#include <Poco/File.h>

#include <functional>
#include <memory>
#include <string>

namespace ict::gateway::test {

class EmulatorHarness {
public:
    static constexpr const char* kAppId = "11112222-3333-4444-5555-666677778888";
    static constexpr const char* kAppSecret = "app-secret-Zq8~never-log-me";

    explicit EmulatorHarness(
        const std::function<void(mockhost::emulator::EmulatorOptions&)>& configure = {},
        const std::string& certSubdirectory = "default") {
        mockhost::emulator::EmulatorOptions options;
        options.certDirectory =
            std::string(ICT_BINARY_DIR) + "/test-certs/gateway-" + certSubdirectory;
        Poco::File(options.certDirectory).createDirectories();
        options.data.seed = 7;
        options.data.tenantCount = 20;
        options.faults.rateLimitPerMinute = 0;
        options.clientId = kAppId;
        options.clientSecret = kAppSecret;
        options.threads = 8;
        if (configure)
            configure(options);
        _emulator = std::make_unique<mockhost::emulator::PartnerCenterEmulator>(options);
        _emulator->start();
    }

    mockhost::emulator::EmulatorState& state() { return _emulator->state(); }
    mockhost::emulator::PartnerCenterEmulator& emulator() { return *_emulator; }
    Poco::UInt16 port() const { return _emulator->port(); }

    /// What the host's InstanceDirectory would return for an instance pointing at the emulator.
    bss::sdk::InstanceCredentials credentials() const {
        bss::sdk::InstanceCredentials credentials;
        credentials.instanceId = 1;
        credentials.partnerCenterUrl = _emulator->baseUrl();
        credentials.loginUrl = _emulator->baseUrl();
        credentials.caBundlePath = _emulator->trustedCaPath();
        credentials.partnerTenantId = _emulator->partnerTenantId();
        credentials.appId = kAppId;
        credentials.appSecret = kAppSecret;
        credentials.refreshToken = _emulator->initialRefreshToken();
        return credentials;
    }

    /// Small backoffs and timeouts, no client-side throttling: tests stay fast.
    static ClientOptions fastOptions() {
        ClientOptions options;
        options.maxAttempts = 4;
        options.backoffBase = std::chrono::milliseconds(5);
        options.backoffMax = std::chrono::milliseconds(40);
        options.requestsPerMinute = 600000;
        options.maxInFlight = 8;
        options.connectTimeout = std::chrono::milliseconds(2000);
        options.ioTimeout = std::chrono::milliseconds(2000);
        options.pageSize = 100;
        return options;
    }

private:
    std::unique_ptr<mockhost::emulator::PartnerCenterEmulator> _emulator;
};

} // namespace ict::gateway::test
