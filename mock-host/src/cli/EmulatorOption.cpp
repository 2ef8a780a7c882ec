#include "cli/Commands.h"

#include <Poco/NumberParser.h>

#include <stdexcept>

namespace mockhost {
namespace {

std::uint64_t number(const CommandLine& line, const std::string& name, std::uint64_t fallback) {
    const auto text = line.optional(name);
    if (!text)
        return fallback;
    Poco::UInt64 value = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(*text, value))
        throw std::invalid_argument("--" + name + ": '" + *text + "' is not a non-negative number");
    return value;
}

} // namespace

const std::set<std::string>& emulatorOptionNames() {
    static const std::set<std::string> names{
        "emulator",          "emulator-port",       "emulator-tenants",   "emulator-seed",
        "emulator-cert-dir", "emulator-latency-ms", "emulator-rate-limit"};
    return names;
}

std::unique_ptr<DemoEmulators> startDemoEmulators(const CommandLine& line, HostOptions& options) {
    if (!line.has("emulator")) {
        for (const std::string& name : emulatorOptionNames())
            if (line.has(name))
                throw std::invalid_argument("--" + name + " needs --emulator");
        return nullptr;
    }
    DemoEmulatorOptions demo;
    const std::uint64_t port = number(line, "emulator-port", 8443);
    if (port > 65534)
        throw std::invalid_argument("--emulator-port: '" + std::to_string(port) +
                                    "' is not a port number (0-65534)");
    demo.port = static_cast<int>(port);
    const std::uint64_t tenants = number(line, "emulator-tenants", 100);
    if (tenants > 100000)
        throw std::invalid_argument("--emulator-tenants: '" + std::to_string(tenants) +
                                    "' is more than 100000");
    demo.tenants = static_cast<int>(tenants);
    demo.seed = number(line, "emulator-seed", 42);
    demo.certDirectory = line.value("emulator-cert-dir", demo.certDirectory);
    const std::uint64_t latency = number(line, "emulator-latency-ms", 0);
    if (latency > 60000)
        throw std::invalid_argument("--emulator-latency-ms: '" + std::to_string(latency) +
                                    "' is more than 60000");
    demo.latencyMs = static_cast<int>(latency);
    const std::uint64_t rate = number(line, "emulator-rate-limit", 500);
    if (rate > 100000000)
        throw std::invalid_argument("--emulator-rate-limit: '" + std::to_string(rate) +
                                    "' is more than 100000000");
    demo.rateLimitPerMinute = static_cast<int>(rate);

    auto emulators = std::make_unique<DemoEmulators>(demo);
    emulators->start();
    options.demoEndpoints = emulators->endpoints();
    options.seedDemo = true;
    return emulators;
}

} // namespace mockhost
