#include "application/ImportService.h"

#include "application/AnswerLostMessage.h"
#include "application/BssAuditor.h"
#include "application/GetHierarchyService.h"
#include "application/ImportPipeline.h"
#include "application/ImportSelector.h"
#include "application/QuietRecord.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"
#include "domain/importing/ImportPlanner.h"
#include "domain/importing/PlannedOutcome.h"
#include "gateway/GatewayError.h"
#include "storage/CatalogRepository.h"
#include "storage/HierarchyRepository.h"
#include "storage/ImportOutcomeJson.h"
#include "storage/ImportResultsRepository.h"
#include "storage/ImportWriter.h"

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using gateway::GatewayError;
using gateway::GatewayErrorKind;
using namespace ict::domain;

namespace {

CivilDate today(const bss::sdk::Clock& clock) {
    return *CivilDate::parse(formatIsoUtc(clock.now()));
}

std::string summaryJson(const OutcomeSummary& summary, BillingPolicy policy) {
    Poco::JSON::Object json;
    json.set("billingPolicy", std::string(billingPolicyName(policy)));
    json.set("tenants", static_cast<Poco::Int64>(summary.tenants));
    json.set("accountsCreated", static_cast<Poco::Int64>(summary.accountsCreated));
    json.set("accountsExisting", static_cast<Poco::Int64>(summary.accountsExisting));
    json.set("accountsFailed", static_cast<Poco::Int64>(summary.accountsFailed));
    json.set("subscriptionsCreated", static_cast<Poco::Int64>(summary.subscriptionsCreated));
    json.set("subscriptionsAdded", static_cast<Poco::Int64>(summary.subscriptionsAdded));
    json.set("subscriptionsSkipped", static_cast<Poco::Int64>(summary.subscriptionsSkipped));
    json.set("subscriptionsFailed", static_cast<Poco::Int64>(summary.subscriptionsFailed));
    return storage::stringify(json);
}

std::string resultJson(const std::string& runId, const std::string& message,
                       const std::string& summary, bool cancelled) {
    Poco::JSON::Object result;
    result.set("runId", runId);
    result.set("message", message);
    if (cancelled)
        result.set("cancelled", true);
    result.set("summary", Poco::JSON::Parser().parse(summary));
    return storage::stringify(result);
}

/// What planning needs besides the tenants: the catalog, policy and date of the run.
ImportRequest planningBase(bss::sdk::HostServices& services, const bss::sdk::CallContext& caller,
                           const ImportSelection& selection) {
    ImportRequest request;
    request.catalog = storage::CatalogRepository(services.database()).load(caller.organization.id);
    request.policy = selection.policy;
    request.importDate = today(services.clock());
    return request;
}

/// Imported tenants whose saved rows are audited again together.
constexpr std::size_t kTenantsPerRefresh = 1000;

/// The import's sink: each batch written in its transaction; then, a thousand tenants at a time,
/// the written tenants' saved rows audited again, so the page shows them as imported without
/// calling Microsoft. The refresh costs what the import wrote, not the instance's size, and
/// grouping it keeps SQLite from rewriting the saved rows' index pages after every batch.
class WritingSink : public PlannedBatchSink {
public:
    WritingSink(bss::sdk::HostServices& services, const storage::HierarchyKey& key,
                storage::ImportRunStamp stamp)
        : _services(services), _key(key), _stamp(std::move(stamp)), _writer(services.database()),
          _hierarchy(services.database()) {}

    std::vector<TenantOutcome> handle(const std::vector<storage::ImportBatchItem>& items) override {
        std::vector<TenantOutcome> outcomes = _writer.writeBatch(_stamp, items);
        for (const storage::ImportBatchItem& item : items)
            if (item.notWritten.empty())
                _written.push_back(item.plan->tenantId);
        if (_written.size() >= kTenantsPerRefresh)
            refresh();
        return outcomes;
    }

    void finish() override { refresh(); }

private:
    void refresh() {
        if (_written.empty())
            return;
        if (!_auditor)
            _auditor = std::make_unique<BssAuditor>(_services.database(), _key.organizationId);
        _hierarchy.replaceTenants(
            _key, _written, _auditor->audit(_hierarchy.loadTenants(_key, _written)), {},
            {_stamp.runId, formatIsoUtc(_services.clock().now()), std::nullopt, std::nullopt});
        _written.clear();
    }

    bss::sdk::HostServices& _services;
    storage::HierarchyKey _key;
    storage::ImportRunStamp _stamp;
    storage::ImportWriter _writer;
    storage::HierarchyRepository _hierarchy;
    std::vector<std::string> _written; ///< Written since the last refresh.
    /// Built at the first refresh, after this run's first accounts exist: the accounts it
    /// creates later are found by their tenant id (see BssAuditor).
    std::unique_ptr<BssAuditor> _auditor;
};

/// The dry run's sink: each batch's planned outcome recorded as the run's results.
class PlanningSink : public PlannedBatchSink {
public:
    PlanningSink(bss::sdk::Database& database, std::string runId)
        : _results(database), _runId(std::move(runId)) {}

    std::vector<TenantOutcome> handle(const std::vector<storage::ImportBatchItem>& items) override {
        std::vector<TenantOutcome> outcomes;
        std::vector<std::pair<std::size_t, TenantOutcome>> rows;
        for (const storage::ImportBatchItem& item : items) {
            TenantOutcome outcome = item.notWritten.empty()
                                        ? plannedTenantOutcome(*item.plan)
                                        : unwrittenTenantOutcome(*item.plan, item.notWritten);
            rows.emplace_back(item.position, outcome);
            outcomes.push_back(std::move(outcome));
        }
        _results.append(_runId, rows);
        return outcomes;
    }

private:
    storage::ImportResultsRepository _results;
    std::string _runId;
};

/// `runAgain` names the run in "Run <runAgain> again" of a lost token answer.
std::string failureMessage(const GatewayError& error, const std::string& instanceName,
                           const std::string& what, const std::string& runAgain) {
    if (error.kind() == GatewayErrorKind::NotAuthenticated)
        return notAuthenticatedMessage(instanceName, error.code());
    if (error.kind() == GatewayErrorKind::AnswerLost)
        return answerLostMessage(instanceName, runAgain);
    return what + " failed: " + error.what();
}

} // namespace

ImportService::ImportService(bss::sdk::HostServices& services, InstanceClients& clients,
                             int parallelism, LeaseIdentity identity)
    : _services(services), _clients(clients), _parallelism(parallelism),
      _identity(std::move(identity)), _runs(services.database()) {}

PreflightOutcome ImportService::preflight(const bss::sdk::CallContext& caller,
                                          const ImportSelection& selection) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, selection.instanceId);
    ImportSelector selector(_services, caller, instance, selection);
    const ImportRequest base = planningBase(_services, caller, selection);
    bool tokenValid = true;
    try {
        _clients.clientFor(caller.organization, selection.instanceId)
            ->checkToken({Poco::UUIDGenerator::defaultGenerator().createRandom().toString(), {}});
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::AnswerLost)
            throw ToolError(ErrorCode::UpstreamFailure,
                            answerLostMessage(instance.name, "the pre-flight"), "instanceId");
        if (error.kind() != GatewayErrorKind::NotAuthenticated)
            throw ToolError(ErrorCode::UpstreamFailure,
                            std::string("The token could not be checked: ") + error.what());
        tokenValid = false;
    }
    PreflightOutcome outcome;
    outcome.report.tokenValid = tokenValid;
    if (!tokenValid)
        addProblem(outcome.report, tokenProblem());
    PlanSummaryCounter counter;
    const std::size_t batch = tenantsPerBatch(selector.total());
    for (std::vector<TenantSelection> tenants = selector.next(batch); !tenants.empty();
         tenants = selector.next(batch))
        for (const TenantSelection& tenant : tenants) {
            const TenantPlan plan = planTenant(base, tenant);
            counter.add(plan);
            for (PreflightProblem& problem : tenantProblems(plan))
                addProblem(outcome.report, std::move(problem));
        }
    outcome.summary = counter.summary();
    return outcome;
}

std::pair<std::string, std::string> ImportService::startDryRun(const bss::sdk::CallContext& caller,
                                                               const ImportSelection& selection) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, selection.instanceId);
    ImportSelector check(_services, caller, instance, selection); // refuse a bad selection now
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    bss::sdk::CallContext callerCopy = caller;
    const std::string jobId = _services.jobs().submit(
        caller, "dry-run", "dry-run:" + std::to_string(selection.instanceId),
        [this, callerCopy, selection, runId](bss::sdk::JobControl& job) {
            return runDryRun(callerCopy, selection, runId, job);
        });
    return {jobId, runId};
}

std::pair<std::string, std::string> ImportService::start(const bss::sdk::CallContext& caller,
                                                         const ImportSelection& selection) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, selection.instanceId);
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    bss::sdk::CallContext callerCopy = caller;
    const std::string jobId = startLeasedJob(
        _services, caller, selection.instanceId, "import", runId, _identity,
        [this, callerCopy, selection, runId](bss::sdk::JobControl& job, RunLeaseKeeper& lease) {
            return runImport(callerCopy, selection, runId, job, lease);
        },
        // A bad selection is refused now, not by a failed job; once the lease is held, so a
        // run in progress is what a second start hears about first.
        [&] { ImportSelector(_services, caller, instance, selection); });
    return {jobId, runId};
}

std::string ImportService::runImport(const bss::sdk::CallContext& caller,
                                     const ImportSelection& selection, const std::string& runId,
                                     bss::sdk::JobControl& job, RunLeaseKeeper& lease) {
    const std::string startedAt = formatIsoUtc(_services.clock().now());
    _runs.insert({runId, caller.organization.id, selection.instanceId, "import",
                  selection.describe(), "running", caller.user.id, caller.user.login, startedAt,
                  std::nullopt, "", summaryJson(OutcomeSummary{}, selection.policy)});
    OutcomeSummary summary;
    auto finish = [&](const std::string& state, const std::string& message) {
        const std::string counts = summaryJson(summary, selection.policy);
        _runs.finish(runId, state, formatIsoUtc(_services.clock().now()), message, counts,
                     message + " " + counts);
        return counts;
    };
    // From the catch blocks: the error that ended the run is what the caller hears.
    auto fail = [&](const std::string& message) {
        recordQuietly(_services.logger(), runId, [&] { finish("failed", message); });
    };
    std::string instanceName = std::to_string(selection.instanceId);
    const auto cancelled = [&job, &lease] { return job.cancelRequested() || lease.lost(); };
    try {
        job.reportProgress("{\"phase\":\"preparing\"}");
        const bss::sdk::InstanceInfo instance =
            usableInstance(_services, caller, selection.instanceId);
        instanceName = instance.name;
        ImportSelector selector(_services, caller, instance, selection);
        BillingProfileReader profiles(_clients.clientFor(caller.organization, instance.id),
                                      {runId, cancelled}, _parallelism);
        profiles.start();
        WritingSink sink(_services, {caller.organization.id, instance.id},
                         {caller.organization.id, runId, caller.user.id, startedAt});
        const PipelineOutcome outcome = runImportPipeline(
            selector, planningBase(_services, caller, selection), profiles, sink, cancelled,
            [&](std::size_t done, std::size_t total) {
                job.reportProgress(
                    "{\"phase\":\"importing\",\"tenantsDone\":" + std::to_string(done) +
                    ",\"tenantsTotal\":" + std::to_string(total) + "}");
            });
        profiles.stop();
        summary = outcome.summary;
        if (lease.lost()) {
            const std::string message =
                "Import stopped after " + std::to_string(outcome.done) + " of " +
                std::to_string(outcome.total) +
                " tenant(s): this host lost its hold on the instance (it stalled longer than the "
                "lease lasts); run the import again to finish.";
            finish("failed", message);
            throw ToolError(ErrorCode::Conflict, message);
        }
        const std::string message =
            outcome.cancelled
                ? "Cancelled after " + std::to_string(outcome.done) + " of " +
                      std::to_string(outcome.total) + " tenant(s); run the import again to resume."
                : "Imported " + std::to_string(outcome.total) + " tenant(s).";
        const std::string counts = finish(outcome.cancelled ? "cancelled" : "succeeded", message);
        return resultJson(runId, message, counts, false);
    } catch (const GatewayError& error) {
        const std::string message = failureMessage(error, instanceName, "Import", "the import");
        fail(message);
        throw ToolError(error.kind() == GatewayErrorKind::NotAuthenticated
                            ? ErrorCode::NotAuthenticatedUpstream
                            : ErrorCode::UpstreamFailure,
                        message);
    } catch (const ToolError& error) {
        if (!lease.lost())
            fail(error.what());
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message = "Import failed: " + error.displayText();
        fail(message);
        throw ToolError(ErrorCode::Internal, message);
    } catch (const std::exception& error) {
        const std::string message = std::string("Import failed: ") + error.what();
        fail(message);
        throw ToolError(ErrorCode::Internal, message);
    }
}

std::string ImportService::runDryRun(const bss::sdk::CallContext& caller,
                                     const ImportSelection& selection, const std::string& runId,
                                     bss::sdk::JobControl& job) {
    const std::string startedAt = formatIsoUtc(_services.clock().now());
    _runs.insert({runId, caller.organization.id, selection.instanceId, "dry_run",
                  selection.describe(), "running", caller.user.id, caller.user.login, startedAt,
                  std::nullopt, "", summaryJson(OutcomeSummary{}, selection.policy)});
    OutcomeSummary summary;
    auto finish = [&](const std::string& state, const std::string& message) {
        const std::string counts = summaryJson(summary, selection.policy);
        _runs.finish(runId, state, formatIsoUtc(_services.clock().now()), message, counts, counts);
        return counts;
    };
    auto fail = [&](const std::string& message) {
        recordQuietly(_services.logger(), runId, [&] { finish("failed", message); });
    };
    std::string instanceName = std::to_string(selection.instanceId);
    const auto cancelled = [&job] { return job.cancelRequested(); };
    try {
        job.reportProgress("{\"phase\":\"preparing\"}");
        const bss::sdk::InstanceInfo instance =
            usableInstance(_services, caller, selection.instanceId);
        instanceName = instance.name;
        ImportSelector selector(_services, caller, instance, selection);
        BillingProfileReader profiles(_clients.clientFor(caller.organization, instance.id),
                                      {runId, cancelled}, _parallelism);
        profiles.start();
        PlanningSink sink(_services.database(), runId);
        const PipelineOutcome outcome = runImportPipeline(
            selector, planningBase(_services, caller, selection), profiles, sink, cancelled,
            [&](std::size_t done, std::size_t total) {
                job.reportProgress(
                    "{\"phase\":\"planning\",\"tenantsDone\":" + std::to_string(done) +
                    ",\"tenantsTotal\":" + std::to_string(total) + "}");
            });
        profiles.stop();
        summary = outcome.summary;
        const std::string message =
            outcome.cancelled ? "Dry run cancelled after " + std::to_string(outcome.done) + " of " +
                                    std::to_string(outcome.total) + " tenant(s)."
                              : "Dry run of " + std::to_string(outcome.total) +
                                    " tenant(s): nothing was written.";
        const std::string counts = finish(outcome.cancelled ? "cancelled" : "succeeded", message);
        return resultJson(runId, message, counts, outcome.cancelled);
    } catch (const GatewayError& error) {
        const std::string message = failureMessage(error, instanceName, "Dry run", "the dry run");
        fail(message);
        throw ToolError(error.kind() == GatewayErrorKind::NotAuthenticated
                            ? ErrorCode::NotAuthenticatedUpstream
                            : ErrorCode::UpstreamFailure,
                        message);
    } catch (const ToolError& error) {
        fail(error.what());
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message = "Dry run failed: " + error.displayText();
        fail(message);
        throw ToolError(ErrorCode::Internal, message);
    } catch (const std::exception& error) {
        const std::string message = std::string("Dry run failed: ") + error.what();
        fail(message);
        throw ToolError(ErrorCode::Internal, message);
    }
}

storage::RunRecord ImportService::visibleRun(const bss::sdk::CallContext& caller,
                                             const std::string& runId) {
    std::optional<storage::RunRecord> run = _runs.find(runId);
    if (!run || run->organizationId != caller.organization.id ||
        (run->kind != "import" && run->kind != "dry_run"))
        throw ToolError(ErrorCode::NotFound, "No import run '" + runId + "' in this organization.",
                        "runId");
    return *run;
}

ImportResults ImportService::results(const bss::sdk::CallContext& caller, const std::string& runId,
                                     std::size_t offset, std::size_t limit) {
    ImportResults results;
    results.run = visibleRun(caller, runId);
    results.outcome.runId = runId;
    results.outcome.dryRun = results.run.kind == "dry_run";
    results.outcome.startedAt = results.run.startedAt;
    results.outcome.finishedAt = results.run.finishedAt.value_or("");
    Poco::JSON::Object::Ptr summary =
        Poco::JSON::Parser().parse(results.run.summary).extract<Poco::JSON::Object::Ptr>();
    results.outcome.policy = parseBillingPolicy(summary->optValue<std::string>("billingPolicy", ""))
                                 .value_or(BillingPolicy::Unset);
    storage::ImportResultsRepository repository(_services.database());
    results.total = repository.count(runId);
    results.outcome.tenants = repository.page(runId, offset, limit);
    return results;
}

void ImportService::forEachResult(const bss::sdk::CallContext& caller, const std::string& runId,
                                  const std::function<bool(const TenantOutcome&)>& onTenant) {
    visibleRun(caller, runId);
    storage::ImportResultsRepository(_services.database()).forEach(runId, onTenant);
}

} // namespace ict::application
