#pragma once
// A partner-center-emulator process (the build's binary) and an instance named "Shared PC" of the
// demo root organization that points at it, added with `mock-host instance add --seed-demo` to
// the host database `hostOption`: what tests with several real mock-host processes share.
#include "support/CommandRunner.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ict::test {

/// The text after `label` on one of the emulator's banner lines.
inline std::string bannerValue(const std::string& line, const std::string& label) {
    std::string value = line.substr(line.find(label) + label.size());
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

/// Starts the emulator with `emulatorArgs` (its certificates in `certDir`), adds the instance and
/// returns the running emulator. Throws std::runtime_error naming what failed.
inline std::unique_ptr<BackgroundCommand>
startEmulatorInstance(const std::string& hostOption, const std::string& certDir,
                      std::vector<std::string> emulatorArgs) {
    const std::string host = ICT_BINARY_DIR "/bin/mock-host";
    for (const std::string& arg :
         {std::string("--port"), std::string("0"), std::string("--cert-dir"), certDir})
        emulatorArgs.push_back(arg);
    auto started = std::make_unique<BackgroundCommand>(
        ICT_BINARY_DIR "/bin/partner-center-emulator", emulatorArgs);
    BackgroundCommand& pc = *started;
    const std::string url = bannerValue(pc.waitForLine("listening on"), "listening on");
    const std::string ca = bannerValue(pc.waitForLine("CA certificate:"), "CA certificate:");
    const std::string tenant =
        bannerValue(pc.waitForLine("partner tenant id:"), "partner tenant id:");
    const std::string token =
        bannerValue(pc.waitForLine("demo refresh token:"), "demo refresh token:");
    const auto added = runCommand(host, {"instance",
                                         "add",
                                         "--db",
                                         hostOption,
                                         "--seed-demo",
                                         "--quiet",
                                         "--org",
                                         "Contoso Cloud (root)",
                                         "--name",
                                         "Shared PC",
                                         "--csp-model",
                                         "direct",
                                         "--pc-url",
                                         url,
                                         "--login-url",
                                         url,
                                         "--ca-bundle",
                                         ca,
                                         "--partner-tenant",
                                         tenant,
                                         "--app-id",
                                         "11111111-2222-3333-4444-555555555555",
                                         "--secret",
                                         "two-hosts-secret",
                                         "--refresh-token",
                                         token});
    if (added.exitCode != 0)
        throw std::runtime_error("mock-host instance add failed: " + added.err);
    return started;
}

} // namespace ict::test
