#pragma once
/// The answers of every tool's job actions, read through the host's job service: a job's status
/// (with its progress and result objects) and a cancel request.

#include <bss/sdk/CallContext.h>
#include <bss/sdk/Jobs.h>

#include <Poco/JSON/Object.h>

#include <string>

namespace ict::adapter {

/// {"jobId"} -> {id, kind, subject, state, user, progress{}, result{}, error, submittedAt,
/// startedAt?, finishedAt?}. Throws ToolError(InvalidInput, "jobId") when the id is missing,
/// ToolError(NotFound, "jobId") when the caller's organization has no such job of this tool.
std::string jobStatusAnswer(bss::sdk::JobService& jobs, const bss::sdk::CallContext& caller,
                            const Poco::JSON::Object& body);

/// {"jobId"} -> {"cancelRequested": true|false}.
std::string cancelJobAnswer(bss::sdk::JobService& jobs, const bss::sdk::CallContext& caller,
                            const Poco::JSON::Object& body);

} // namespace ict::adapter
