#include "seed/DemoEmulators.h"

#include "seed/DemoSeed.h"

#include <Poco/Path.h>

#include <stdexcept>

namespace mockhost {
namespace {

using emulator::EmulatorOptions;
using emulator::PartnerCenterEmulator;
using emulator::SalesModel;

// The demo app registrations (the same values DemoSeed uses without the emulator).
const char* const kDirectAppId = "6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41";
const char* const kDirectSecret = "demo-app-secret-direct";
const char* const kIndirectAppId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const char* const kIndirectSecret = "demo-app-secret-indirect";

std::unique_ptr<PartnerCenterEmulator> makeEmulator(const DemoEmulatorOptions& demo, int port,
                                                    std::uint64_t seed, SalesModel model,
                                                    const std::string& appId,
                                                    const std::string& secret) {
    EmulatorOptions options;
    options.port = port;
    // Absolute: the CA path is stored in the instance and read from whatever directory.
    options.certDirectory = Poco::Path(demo.certDirectory).absolute().toString();
    options.data.seed = seed;
    options.data.tenantCount = demo.tenants;
    options.data.model = model;
    options.faults.seed = seed;
    options.faults.latencyMs = demo.latencyMs;
    options.faults.rateLimitPerMinute = demo.rateLimitPerMinute;
    // The token endpoint checks the app credentials, as Entra ID does.
    options.clientId = appId;
    options.clientSecret = secret;
    return std::make_unique<PartnerCenterEmulator>(options);
}

DemoEndpoint endpointOf(PartnerCenterEmulator& emulator, const std::string& name,
                        const std::string& model, const std::string& appId,
                        const std::string& secret, const std::string& refreshToken) {
    return {name,
            model,
            emulator.baseUrl(),
            emulator.baseUrl(),
            emulator.caCertificatePath(),
            emulator.partnerTenantId(),
            appId,
            secret,
            refreshToken};
}

} // namespace

DemoEmulators::DemoEmulators(const DemoEmulatorOptions& options) : _options(options) {
    if (options.port < 0 || options.port > 65534)
        throw std::invalid_argument("--emulator-port: '" + std::to_string(options.port) +
                                    "' is not a port number (0-65534)");
    if (options.tenants < 0)
        throw std::invalid_argument("--emulator-tenants: '" + std::to_string(options.tenants) +
                                    "' is negative");
    _direct = makeEmulator(options, options.port, options.seed, SalesModel::Direct, kDirectAppId,
                           kDirectSecret);
    _indirect = makeEmulator(options, options.port == 0 ? 0 : options.port + 1, options.seed + 1,
                             SalesModel::Indirect, kIndirectAppId, kIndirectSecret);
}

DemoEmulators::~DemoEmulators() {
    stop();
}

void DemoEmulators::start() {
    _direct->start();
    _indirect->start();
    // Order matters: the token issued before the expiry is the expired instance's; every token
    // issued afterwards (and each rotation) is valid. Seeded, so the same in every run.
    emulator::EmulatorState& direct = _direct->state();
    const std::string expiredToken = direct.issueRefreshToken();
    direct.expireRefreshTokens();
    const std::string directToken = direct.issueRefreshToken();
    _endpoints = {
        endpointOf(*_direct, kDemoDirectInstance, "direct", kDirectAppId, kDirectSecret,
                   directToken),
        endpointOf(*_indirect, kDemoIndirectInstance, "indirect", kIndirectAppId, kIndirectSecret,
                   _indirect->initialRefreshToken()),
        endpointOf(*_direct, kDemoExpiredInstance, "direct", kDirectAppId, kDirectSecret,
                   expiredToken),
    };
}

void DemoEmulators::stop() {
    if (_indirect)
        _indirect->stop();
    if (_direct)
        _direct->stop();
}

std::vector<std::string> DemoEmulators::describe() const {
    std::vector<std::string> lines;
    for (const auto* emulator : {_direct.get(), _indirect.get()}) {
        const auto sizes = emulator->state().withData([](const emulator::DataSet& data) {
            return std::to_string(data.customers.size()) + " tenants, " +
                   std::to_string(data.resellers.size()) + " resellers, " +
                   std::to_string(data.subscriptionCount()) + " subscriptions";
        });
        const bool isDirect = emulator == _direct.get();
        lines.push_back(std::string("Partner Center emulator (") +
                        (isDirect ? "direct" : "indirect") + ") on " + emulator->baseUrl() +
                        " for '" + (isDirect ? kDemoDirectInstance : kDemoIndirectInstance) + "'" +
                        (isDirect ? std::string(" and '") + kDemoExpiredInstance + "'" : "") +
                        ": partner tenant " + emulator->partnerTenantId() + ", " + sizes + "; CA " +
                        emulator->caCertificatePath());
    }
    return lines;
}

std::vector<std::string> DemoEmulators::describeRequests() const {
    std::vector<std::string> lines;
    for (auto* emulator : {_direct.get(), _indirect.get()}) {
        std::string line = std::string("Partner Center emulator (") +
                           (emulator == _direct.get() ? "direct" : "indirect") + ") served " +
                           std::to_string(emulator->state().counters().total()) + " request(s)";
        std::string separator = ": ";
        for (const auto& [endpoint, count] : emulator->state().counters().snapshot()) {
            line += separator + endpoint + "=" + std::to_string(count);
            separator = ", ";
        }
        lines.push_back(line);
    }
    return lines;
}

} // namespace mockhost
