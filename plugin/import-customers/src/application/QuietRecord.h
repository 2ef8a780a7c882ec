#pragma once
/// Recording how a run ended from a catch block, where a second failure must not replace the
/// first: the database that failed the run often fails its record too, and the caller is owed
/// the error that stopped the run.

#include <bss/sdk/Logger.h>

#include <functional>
#include <string>

namespace ict::application {

/// Calls `record`; when it throws, logs a warning naming run `runId` and what was thrown, and
/// returns normally. The run then stays "running" until its lease expires and the next run or
/// host start marks it interrupted (InterruptedRuns).
void recordQuietly(bss::sdk::Logger& logger, const std::string& runId,
                   const std::function<void()>& record) noexcept;

} // namespace ict::application
