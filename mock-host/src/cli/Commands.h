#pragma once
/// The mock-host subcommands. Each returns the process exit code; they throw
/// std::invalid_argument for bad options (main prints it and exits 2).
#include "cli/CommandLine.h"
#include "seed/DemoEmulators.h"

#include <memory>

namespace mockhost {

int runServe(const CommandLine& line);
int runAction(const CommandLine& line);
int runPlugins(const CommandLine& line);
int runEnableTool(const CommandLine& line);
int runInstance(const CommandLine& line);
int runProduct(const CommandLine& line);
int runUser(const CommandLine& line);
int runRotateKey(const CommandLine& line);
int runHelp();

/// The options --emulator, --emulator-port, --emulator-tenants, --emulator-seed,
/// --emulator-cert-dir, --emulator-latency-ms (for commands that run actions).
const std::set<std::string>& emulatorOptionNames();
/// With --emulator: starts the demo emulators, sets options.demoEndpoints and implies
/// --seed-demo; otherwise returns null. Throws std::invalid_argument for a bad value,
/// Poco::Exception when a port is taken.
std::unique_ptr<DemoEmulators> startDemoEmulators(const CommandLine& line, HostOptions& options);

/// Parses argv, runs the command, turns errors into messages on stderr and exit codes.
int runMockHost(int argc, char** argv);

} // namespace mockhost
