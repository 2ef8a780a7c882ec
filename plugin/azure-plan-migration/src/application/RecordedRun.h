#pragma once
/// The life of one scan, dry run or import as its job runs it: recorded as running (with its
/// audit entry) before the work starts and completed with how it ended: "succeeded" with the
/// work's summary, "cancelled" when the job was cancelled, "failed" with a message that says what
/// to do. Partner Center errors become ToolErrors the host shows: not authenticated -> 424 naming
/// the instance and re-consent, anything else after retries -> 502.

#include "storage/RunStore.h"

#include <bss/sdk/HostServices.h>

#include <functional>
#include <string>

namespace apm::application {

struct RunWork {
    /// Does the run and returns its JSON summary. May throw gateway::GatewayError, ToolError or
    /// Poco::Exception.
    std::function<std::string()> body;
    /// Called when the run does not succeed, before it is recorded (a scan drops its rows).
    std::function<void()> onFailure;
};

/// Runs `work` as `record` (its kind, instance, user and run id set; started now). Returns the
/// summary, or {"cancelled":true,...}; throws bss::sdk::ToolError when the run failed.
std::string runRecorded(bss::sdk::HostServices& services, storage::RunStore& runs,
                        storage::RunRecord record, const std::string& instanceName,
                        const RunWork& work);

/// A fresh run id (a random UUID).
std::string newRunId();

/// The record of run `runId` of `kind` ("scan", "dry-run", "import") by `caller` on `instance`.
storage::RunRecord runRecordOf(const bss::sdk::CallContext& caller,
                               const bss::sdk::InstanceInfo& instance, const std::string& kind,
                               const std::string& runId);

} // namespace apm::application
