#include "application/RecordedRun.h"

#include "domain/common/IsoTime.h"
#include "gateway/GatewayError.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Exception.h>
#include <Poco/UUIDGenerator.h>

namespace apm::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using ict::gateway::GatewayError;
using ict::gateway::GatewayErrorKind;

std::string newRunId() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

storage::RunRecord runRecordOf(const bss::sdk::CallContext& caller,
                               const bss::sdk::InstanceInfo& instance, const std::string& kind,
                               const std::string& runId) {
    storage::RunRecord record;
    record.runId = runId;
    record.organizationId = caller.organization.id;
    record.instanceId = instance.id;
    record.kind = kind;
    record.userLogin = caller.user.login;
    return record;
}

namespace {

ToolError failureOf(const GatewayError& error, const std::string& instanceName) {
    if (error.kind() == GatewayErrorKind::NotAuthenticated)
        return ToolError(ErrorCode::NotAuthenticatedUpstream,
                         "The instance '" + instanceName +
                             "' is not authenticated with Partner Center (" + error.what() +
                             "): sign in to it again (re-consent) and run again.",
                         "instanceId");
    return ToolError(ErrorCode::UpstreamFailure,
                     "Partner Center failed for the instance '" + instanceName +
                         "': " + error.what() + ". Run again later; nothing was left half-written.",
                     "instanceId");
}

} // namespace

std::string runRecorded(bss::sdk::HostServices& services, storage::RunStore& runs,
                        storage::RunRecord record, const std::string& instanceName,
                        const RunWork& work) {
    const auto nowIso = [&] { return ict::domain::formatIsoUtc(services.clock().now()); };
    record.startedAt = nowIso();
    runs.begin(record);
    const auto fail = [&](const std::string& state, const std::string& message) {
        if (work.onFailure)
            work.onFailure();
        runs.finish(record.runId, state, "{}", message, nowIso());
    };
    try {
        const std::string summary = work.body();
        runs.finish(record.runId, "succeeded", summary, "", nowIso());
        return summary;
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::Cancelled) {
            fail("cancelled", "Cancelled.");
            return "{\"cancelled\":true,\"runId\":\"" + record.runId + "\"}";
        }
        const ToolError failure = failureOf(error, instanceName);
        fail("failed", failure.what());
        throw failure;
    } catch (const ToolError& error) {
        fail("failed", error.what());
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message = "The run failed on the database: " + error.displayText() +
                                    ". Nothing of the failed batch was kept; run again.";
        fail("failed", message);
        throw ToolError(ErrorCode::Unavailable, message);
    }
}

} // namespace apm::application
