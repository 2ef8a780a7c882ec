#include "application/GetHierarchyService.h"

#include "application/AnswerLostMessage.h"
#include "application/HierarchyCrawler.h"
#include "application/IncrementalRefresh.h"
#include "application/MassRefresh.h"
#include "application/QuietRecord.h"
#include "application/SingleTenantRefresh.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"
#include "gateway/GatewayError.h"

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>
#include <Poco/UUIDGenerator.h>

#include <sstream>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using gateway::GatewayError;
using gateway::GatewayErrorKind;

namespace {

std::string stringify(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

std::string progressJson(const std::string& phase, const domain::HierarchyProgress& progress) {
    Poco::JSON::Object json;
    json.set("phase", phase);
    json.set("resellersFetched", progress.resellersFetched);
    if (progress.resellersTotal)
        json.set("resellersTotal", *progress.resellersTotal);
    json.set("tenantsFetched", progress.tenantsFetched);
    if (progress.tenantsTotal)
        json.set("tenantsTotal", *progress.tenantsTotal);
    json.set("subscriptionsFetched", progress.subscriptionsFetched);
    json.set("requests", progress.requestsMade);
    json.set("elapsedSeconds", progress.elapsedSeconds);
    if (progress.remainingSecondsEstimate)
        json.set("remainingSecondsEstimate", *progress.remainingSecondsEstimate);
    return stringify(json);
}

std::string summaryJson(const RefreshOutcome& outcome, const std::string& runId,
                        std::int64_t requests) {
    Poco::JSON::Object summary;
    summary.set("runId", runId);
    summary.set("mode", outcome.mode);
    if (outcome.mode == "incremental")
        summary.set("tenantsRefetched", outcome.tenantsRefetched);
    summary.set("tenants", outcome.tenantRows);
    summary.set("resellers", outcome.resellers);
    summary.set("subscriptions", outcome.subscriptions);
    summary.set("failures", outcome.failures);
    summary.set("requests", requests);
    if (outcome.lastMassUpdateAt)
        summary.set("lastMassUpdateAt", *outcome.lastMassUpdateAt);
    summary.set("message", outcome.message);
    return stringify(summary);
}

RefreshOutcome runMode(RefreshRun& run, const GetHierarchyRequest& request) {
    switch (request.mode) {
    case HierarchyMode::Incremental:
        return runIncrementalRefresh(run);
    case HierarchyMode::SingleTenant:
    case HierarchyMode::SingleDomain:
        return runSingleTenantRefresh(run, request);
    case HierarchyMode::Mass:
    case HierarchyMode::Unset:
        break;
    }
    return runMassRefresh(run);
}

} // namespace

std::string notAuthenticatedMessage(const std::string& instanceName, const std::string& code) {
    return "The Microsoft Cloud Services instance '" + instanceName +
           "' is not authenticated or its authentication expired" +
           (code.empty() ? std::string() : " (" + code + ")") +
           ". No tenants are shown. Renew the instance's token (sign in again as a Partner Center "
           "admin in BSS Setup > Microsoft Cloud Services) and run Get Hierarchy again.";
}

GetHierarchyService::GetHierarchyService(bss::sdk::HostServices& services, InstanceClients& clients,
                                         int parallelism, LeaseIdentity identity)
    : _services(services), _clients(clients), _parallelism(parallelism),
      _identity(std::move(identity)), _runs(services.database()) {}

std::string GetHierarchyService::start(const bss::sdk::CallContext& caller,
                                       const GetHierarchyRequest& request) {
    usableInstance(_services, caller, request.instanceId);
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    bss::sdk::CallContext callerCopy = caller;
    return startLeasedJob(
        _services, caller, request.instanceId, "get-hierarchy", runId, _identity,
        [this, callerCopy, request, runId](bss::sdk::JobControl& job, RunLeaseKeeper& lease) {
            return run(callerCopy, request, runId, job, lease);
        });
}

std::string GetHierarchyService::run(const bss::sdk::CallContext& caller,
                                     const GetHierarchyRequest& request, const std::string& runId,
                                     bss::sdk::JobControl& job, RunLeaseKeeper& lease) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, request.instanceId);
    const storage::HierarchyKey key{caller.organization.id, instance.id};
    const auto startedAt = _services.clock().now();
    _runs.insert({runId, key.organizationId, key.instanceId, "get_hierarchy", request.describe(),
                  "running", caller.user.id, caller.user.login, domain::formatIsoUtc(startedAt),
                  std::nullopt, "", "{}"});

    auto finish = [&](const std::string& state, const std::string& message,
                      const std::string& summary) {
        _runs.finish(runId, state, domain::formatIsoUtc(_services.clock().now()), message, summary,
                     message);
    };
    // From the catch blocks: the error that ended the run is what the caller hears.
    auto end = [&](const std::string& state, const std::string& message) {
        recordQuietly(_services.logger(), runId, [&] { finish(state, message, "{}"); });
    };

    gateway::RequestContext context{
        runId, [&job, &lease] { return job.cancelRequested() || lease.lost(); }};
    std::string phase = "customers";
    std::mutex progressMutex;
    auto reportPhase = [&](const std::string& newPhase) {
        std::lock_guard<std::mutex> lock(progressMutex);
        phase = newPhase;
        job.reportProgress("{\"phase\":\"" + phase + "\"}");
    };

    try {
        std::shared_ptr<gateway::PartnerCenterClient> client =
            _clients.clientFor(caller.organization, instance.id);
        HierarchyCrawler crawler(*client, context, _parallelism,
                                 [&](const domain::HierarchyProgress& progress) {
                                     std::lock_guard<std::mutex> lock(progressMutex);
                                     // Once the customer list is read, the tenants' subscriptions
                                     // are.
                                     if (phase == "customers" && progress.tenantsTotal)
                                         phase = "subscriptions";
                                     job.reportProgress(progressJson(phase, progress));
                                 });
        reportPhase("customers");
        RefreshRun refresh{_services,
                           caller,
                           instance,
                           key,
                           runId,
                           startedAt,
                           *client,
                           context,
                           crawler,
                           lease,
                           instance.cspModel != bss::sdk::CspModel::Indirect,
                           instance.cspModel != bss::sdk::CspModel::Direct,
                           reportPhase};
        const RefreshOutcome outcome = runMode(refresh, request);
        const std::string summary = summaryJson(outcome, runId, crawler.callsMade());
        finish("succeeded", outcome.message, summary);
        return summary;
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::Cancelled && !lease.lost()) {
            end("cancelled", "Cancelled; the saved hierarchy is unchanged.");
            return "{\"cancelled\":true,\"message\":\"Cancelled; the saved hierarchy is "
                   "unchanged.\"}";
        }
        if (error.kind() == GatewayErrorKind::NotAuthenticated) {
            const std::string message = notAuthenticatedMessage(instance.name, error.code());
            end("failed", message);
            throw ToolError(ErrorCode::NotAuthenticatedUpstream, message, "instanceId");
        }
        if (error.kind() == GatewayErrorKind::AnswerLost) {
            const std::string message = answerLostMessage(instance.name, "Get Hierarchy") +
                                        " The saved hierarchy is unchanged.";
            end("failed", message);
            throw ToolError(ErrorCode::UpstreamFailure, message, "instanceId");
        }
        const std::string message =
            lease.lost() ? "Get Hierarchy stopped: this host lost its hold on the instance (it "
                           "stalled longer than the lease lasts). The saved hierarchy is unchanged."
                         : std::string("Get Hierarchy failed: ") + error.what() +
                               ". The saved hierarchy is unchanged.";
        end("failed", message);
        throw ToolError(ErrorCode::UpstreamFailure, message);
    } catch (const ToolError& error) {
        end("failed", error.what());
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message =
            "Get Hierarchy failed: " + error.displayText() + ". The saved hierarchy is unchanged.";
        end("failed", message);
        throw ToolError(ErrorCode::Internal, message);
    } catch (const std::exception& error) {
        const std::string message = std::string("Get Hierarchy failed: ") + error.what() +
                                    ". The saved hierarchy is unchanged.";
        end("failed", message);
        throw ToolError(ErrorCode::Internal, message);
    }
}

} // namespace ict::application
