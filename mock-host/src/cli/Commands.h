#pragma once
/// The mock-host subcommands. Each returns the process exit code; they throw
/// std::invalid_argument for bad options (main prints it and exits 2).
#include "cli/CommandLine.h"

namespace mockhost {

int runServe(const CommandLine& line);
int runAction(const CommandLine& line);
int runPlugins(const CommandLine& line);
int runEnableTool(const CommandLine& line);
int runInstance(const CommandLine& line);
int runProduct(const CommandLine& line);
int runUser(const CommandLine& line);
int runHelp();

/// Parses argv, runs the command, turns errors into messages on stderr and exit codes.
int runMockHost(int argc, char** argv);

} // namespace mockhost
