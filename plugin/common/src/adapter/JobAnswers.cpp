#include "adapter/JobAnswers.h"

#include "adapter/JsonIo.h"
#include "domain/common/IsoTime.h"

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

std::string jobStatusAnswer(bss::sdk::JobService& jobs, const bss::sdk::CallContext& caller,
                            const Poco::JSON::Object& body) {
    const std::string id = requiredString(body, "jobId");
    const auto status = jobs.status(caller, id);
    if (!status)
        throw ToolError(ErrorCode::NotFound, "No job '" + id + "' in this organization.", "jobId");
    Poco::JSON::Object result;
    result.set("id", status->id);
    result.set("kind", status->kind);
    result.set("subject", status->subject);
    result.set("state", std::string(bss::sdk::jobStateName(status->state)));
    result.set("user", status->userLogin);
    result.set("progress", storedJson(status->progressJson.empty() ? "{}" : status->progressJson));
    result.set("result", storedJson(status->resultJson));
    result.set("error", status->error);
    result.set("submittedAt", domain::formatIsoUtc(status->submittedAt));
    if (status->startedAt)
        result.set("startedAt", domain::formatIsoUtc(*status->startedAt));
    if (status->finishedAt)
        result.set("finishedAt", domain::formatIsoUtc(*status->finishedAt));
    return toJson(result);
}

std::string cancelJobAnswer(bss::sdk::JobService& jobs, const bss::sdk::CallContext& caller,
                            const Poco::JSON::Object& body) {
    const std::string id = requiredString(body, "jobId");
    Poco::JSON::Object result;
    result.set("cancelRequested", jobs.cancel(caller, id));
    return toJson(result);
}

} // namespace ict::adapter
