#pragma once
/// What every tool's start() does around its own work: Poco's SSL library initialised for the
/// tool's clients (given back when the start fails), anything but ToolError turned into
/// ToolError(Internal) "Cannot start the tool: ...", and, once the tool's tables are migrated,
/// the runs whose host stopped before they ended marked interrupted and logged.

#include <bss/sdk/HostServices.h>

#include <cstddef>
#include <functional>
#include <string>

namespace ict::adapter {

/// Runs `body` with SSL initialised; on any exception uninitialises it and throws ToolError.
void startWithSsl(const std::function<void()>& body);

/// Logs "<toolId>: marked N run(s) interrupted: ..." when `interrupted` is not 0.
void logInterruptedRuns(bss::sdk::Logger& logger, const std::string& toolId,
                        std::size_t interrupted);

} // namespace ict::adapter
