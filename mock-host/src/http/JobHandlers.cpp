#include "http/Handlers.h"

#include "support/IsoTime.h"

#include <Poco/JSON/Parser.h>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

Poco::Dynamic::Var parsedOrText(const std::string& json) {
    if (json.empty())
        return Poco::Dynamic::Var();
    try {
        return Poco::JSON::Parser().parse(json);
    } catch (const Poco::Exception&) {
        return json;
    }
}

/// The job, when it is of the caller's organization and of a tool the caller may use ([S4]): a
/// user without the tool's permission gets Forbidden, as for the tool's own actions; a tool not
/// enabled answers like an unknown job, so the organization does not learn it exists.
bss::sdk::JobStatus visibleJob(HttpExchange& exchange, const bss::sdk::CallContext& caller,
                               const std::string& jobId) {
    auto status =
        exchange.services().host.jobs().statusForOrganization(caller.organization.id, jobId);
    const auto unknown = [&] {
        return ToolError(ErrorCode::NotFound, "No job '" + jobId + "' in your organization.",
                         "jobId");
    };
    if (!status)
        throw unknown();
    try {
        exchange.services().gateway.requireToolAccess(caller, status->toolId);
    } catch (const ToolError& e) {
        if (e.code() == ErrorCode::NotFound)
            throw unknown();
        throw;
    }
    return *status;
}

} // namespace

std::string jobStatusJson(const bss::sdk::JobStatus& s) {
    Poco::JSON::Object answer;
    answer.set("id", s.id);
    answer.set("toolId", s.toolId);
    answer.set("kind", s.kind);
    answer.set("subject", s.subject);
    answer.set("state", std::string(bss::sdk::jobStateName(s.state)));
    answer.set("userLogin", s.userLogin);
    answer.set("progress", parsedOrText(s.progressJson));
    if (!s.resultJson.empty())
        answer.set("result", parsedOrText(s.resultJson));
    if (!s.error.empty())
        answer.set("error", s.error);
    answer.set("submittedAt", formatIso(s.submittedAt));
    if (s.startedAt)
        answer.set("startedAt", formatIso(*s.startedAt));
    if (s.finishedAt)
        answer.set("finishedAt", formatIso(*s.finishedAt));
    return toJsonText(answer);
}

void handleJobStatus(HttpExchange& exchange) {
    const bss::sdk::CallContext caller = exchange.caller();
    exchange.sendJson(200, jobStatusJson(visibleJob(exchange, caller, exchange.segments()[2])));
}

void handleJobCancel(HttpExchange& exchange) {
    const bss::sdk::CallContext caller = exchange.caller();
    const std::string& jobId = exchange.segments()[2];
    auto& jobs = exchange.services().host.jobs();
    visibleJob(exchange, caller, jobId);
    if (!jobs.cancelForOrganization(caller.organization.id, jobId))
        throw ToolError(ErrorCode::Conflict, "Job '" + jobId + "' has already finished.", "jobId");
    exchange.sendJson(200,
                      jobStatusJson(*jobs.statusForOrganization(caller.organization.id, jobId)));
}

} // namespace mockhost
