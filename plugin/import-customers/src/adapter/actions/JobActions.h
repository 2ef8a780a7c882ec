#pragma once
/// Status and cancel of the tool's background jobs (Get Hierarchy, import), through the host.

#include "adapter/ActionTable.h"

namespace ict::adapter {

/// {"jobId"} -> {id, kind, state, progress{}, result{}, error, user, submittedAt, ...}
std::string jobStatus(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body);

/// {"jobId"} -> {"cancelRequested": true|false}
std::string cancelJob(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body);

} // namespace ict::adapter
