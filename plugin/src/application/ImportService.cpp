#include "application/ImportService.h"

#include "application/AnswerLostMessage.h"
#include "application/BillingProfileReader.h"
#include "application/GetHierarchyService.h"
#include "application/InstanceJobSubject.h"
#include "application/UsableInstance.h"
#include "domain/audit/BssAccountIndex.h"
#include "domain/audit/TenantAudit.h"
#include "domain/common/IsoTime.h"
#include "domain/importing/ImportPlanner.h"
#include "domain/importing/ImportRequest.h"
#include "domain/importing/OutcomeSummary.h"
#include "domain/importing/PlannedOutcome.h"
#include "gateway/GatewayError.h"
#include "storage/BssAccountRepository.h"
#include "storage/CatalogRepository.h"
#include "storage/HierarchyRepository.h"
#include "storage/ImportOutcomeJson.h"
#include "storage/ImportResultsRepository.h"
#include "storage/ImportWriter.h"

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <set>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using gateway::GatewayError;
using gateway::GatewayErrorKind;
using namespace ict::domain;

namespace {

ToolError answerLost(const std::string& instanceName, const std::string& runAgain) {
    return ToolError(ErrorCode::UpstreamFailure, answerLostMessage(instanceName, runAgain),
                     "instanceId");
}

struct PickedRow {
    TenantRow row;
    std::string resellerName;
};

std::vector<PickedRow> pickRows(const Hierarchy& hierarchy, const ImportSelection& selection) {
    std::vector<PickedRow> all;
    for (const TenantRow& row : hierarchy.directTenants)
        all.push_back({row, ""});
    for (const TenantRow& row : hierarchy.unassignedTenants)
        all.push_back({row, ""});
    for (const ResellerRow& reseller : hierarchy.resellers)
        for (const TenantRow& row : reseller.endCustomers)
            all.push_back({row, reseller.name});
    if (selection.all) {
        std::vector<PickedRow> importable;
        for (PickedRow& picked : all)
            if (picked.row.importable)
                importable.push_back(std::move(picked));
        return importable;
    }
    std::vector<PickedRow> picked;
    std::set<std::pair<std::string, std::string>> seen;
    for (const SelectedRow& wanted : selection.rows) {
        if (!seen.insert({wanted.tenantId, wanted.resellerMpnId}).second)
            continue;
        const PickedRow* found = nullptr;
        for (const PickedRow& candidate : all)
            if (candidate.row.tenantId == wanted.tenantId &&
                candidate.row.resellerMpnId == wanted.resellerMpnId)
                found = &candidate;
        const std::string name =
            "Tenant '" + wanted.tenantId + "'" +
            (wanted.resellerMpnId.empty() ? std::string()
                                          : " of reseller '" + wanted.resellerMpnId + "'");
        if (!found)
            throw ToolError(ErrorCode::InvalidInput,
                            name + " is not in the saved hierarchy of this instance.", "tenants");
        if (found->row.placement == TenantPlacement::Unassigned)
            throw ToolError(ErrorCode::InvalidInput,
                            name + " cannot be imported: " + found->row.notImportableReason,
                            "tenants");
        picked.push_back(*found);
    }
    return picked;
}

AuditedSubscription audited(const SubscriptionRow& row) {
    AuditedSubscription sub;
    sub.subscription = row.subscription;
    switch (row.status) {
    case SubscriptionStatus::InBss:
        sub.status = AuditStatus::InBss;
        break;
    case SubscriptionStatus::NotImportable:
        sub.status = AuditStatus::NotImportable;
        sub.notImportableReason = row.reasonText;
        break;
    case SubscriptionStatus::New:
    case SubscriptionStatus::Unset:
        sub.status = AuditStatus::New;
        break;
    }
    return sub;
}

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

/// The outcome of a tenant that is not written because its contact could not be read.
TenantOutcome notReadOutcome(const TenantPlan& plan, const std::string& reason) {
    TenantOutcome outcome;
    outcome.tenantId = plan.tenantId;
    outcome.companyName = plan.companyName;
    outcome.resellerMpnId = plan.seller.resellerMpnId;
    outcome.resellerName = plan.seller.resellerName;
    outcome.account = AccountOutcomeKind::Failed;
    outcome.accountReason = reason;
    for (const SubscriptionAction& action : plan.subscriptions) {
        SubscriptionOutcome sub;
        sub.msSubscriptionId = action.msSubscriptionId;
        sub.name = action.name;
        sub.kind = action.kind == SubscriptionActionKind::Skip ? SubscriptionOutcomeKind::Skipped
                                                               : SubscriptionOutcomeKind::Failed;
        sub.reason = action.kind == SubscriptionActionKind::Skip ? action.reason : reason;
        sub.billingCycle = action.billingCycle;
        sub.termDuration = action.termDuration;
        outcome.subscriptions.push_back(std::move(sub));
    }
    return outcome;
}

/// Tenants written per transaction: about 1% of the run, so progress and cancel move in steps of
/// about 1%, and at most 100 (a commit costs a WAL sync on SQLite, a round trip on PostgreSQL;
/// beyond 100 tenants that cost is negligible).
std::size_t tenantsPerBatch(std::size_t total) {
    return std::clamp<std::size_t>((total + 99) / 100, 1, 100);
}

/// A batch ends early once its tenants have this many subscriptions.
constexpr std::size_t kSubscriptionsPerBatch = 1000;

/// On PostgreSQL, up to this many imported tenants have their saved status refreshed tenant by
/// tenant (two DELETEs each, each a round trip: 20 s for 10,000 tenants); beyond it the whole
/// saved hierarchy is audited and saved again in one multi-row pass (~3 s for 10,000 tenants).
/// On SQLite statements cost no round trip and the tenant-by-tenant refresh is the cheaper one
/// (2-5 s against 7 s for 10,000 tenants, measured under the same load).
constexpr std::size_t kTenantsRefreshedOneByOne = 500;

} // namespace

ImportService::ImportService(bss::sdk::HostServices& services, InstanceClients& clients,
                             int parallelism)
    : _services(services), _clients(clients), _parallelism(parallelism),
      _runs(services.database()) {}

ImportRequest ImportService::selectTenants(const bss::sdk::CallContext& caller,
                                           const ImportSelection& selection) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, selection.instanceId);
    const storage::HierarchyKey key{caller.organization.id, instance.id};
    storage::HierarchyRepository hierarchy(_services.database());
    if (!hierarchy.state(key))
        throw ToolError(ErrorCode::Conflict,
                        "There is no saved hierarchy for instance '" + instance.name +
                            "': run Get Hierarchy first.",
                        "instanceId");
    std::vector<std::string> ids;
    for (const SelectedRow& row : selection.rows)
        ids.push_back(row.tenantId);
    const Hierarchy saved = selection.all ? hierarchy.load(key) : hierarchy.loadTenants(key, ids);
    std::vector<PickedRow> picked = pickRows(saved, selection);

    // The BSS may have changed since the Get Hierarchy: plan against what it holds now.
    storage::BssAccountRepository accounts(_services.database());
    const BssAccountIndex index(accounts.customerAccounts(caller.organization.id));
    ImportRequest request;
    for (PickedRow& item : picked) {
        const TenantRow row = auditTenant(item.row, index);
        TenantSelection tenant;
        tenant.customer.tenantId = row.tenantId;
        tenant.customer.companyName = row.companyName;
        tenant.customer.primaryDomain = row.primaryDomain;
        tenant.seller = {row.resellerMpnId, item.resellerName};
        for (const SubscriptionRow& sub : row.subscriptions)
            tenant.subscriptions.push_back(audited(sub));
        if (row.idMatchedAccountId != 0)
            tenant.relatedAccountId = row.idMatchedAccountId;
        request.tenants.push_back(std::move(tenant));
    }
    request.catalog = storage::CatalogRepository(_services.database()).load(caller.organization.id);
    request.policy = selection.policy;
    request.importDate = today(_services.clock());
    return request;
}

PreparedImport ImportService::prepare(const bss::sdk::CallContext& caller,
                                      const ImportSelection& selection, bool readProfiles,
                                      const std::string& correlationId,
                                      const std::function<bool()>& cancelled) {
    ImportRequest request = selectTenants(caller, selection);
    PreparedImport prepared;
    if (readProfiles) {
        BillingProfileReader profiles(_clients.clientFor(caller.organization, selection.instanceId),
                                      {correlationId, cancelled}, _parallelism, request.tenants);
        profiles.start();
        profiles.waitFor(request.tenants.size());
        for (std::size_t i = 0; i < request.tenants.size(); ++i)
            if (std::string failure = profiles.failure(i); !failure.empty())
                prepared.profileFailures[i] = failure;
    }
    prepared.plan = planImport(request);
    return prepared;
}

PreflightReport ImportService::preflight(const bss::sdk::CallContext& caller,
                                         const ImportSelection& selection, ImportPlan& planOut) {
    PreparedImport prepared = prepare(caller, selection, false, "", {});
    bool tokenValid = true;
    try {
        _clients.clientFor(caller.organization, selection.instanceId)
            ->checkToken({Poco::UUIDGenerator::defaultGenerator().createRandom().toString(), {}});
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::AnswerLost)
            throw answerLost(usableInstance(_services, caller, selection.instanceId).name,
                             "the pre-flight");
        if (error.kind() != GatewayErrorKind::NotAuthenticated)
            throw ToolError(ErrorCode::UpstreamFailure,
                            std::string("The token could not be checked: ") + error.what());
        tokenValid = false;
    }
    planOut = std::move(prepared.plan);
    return preflightCheck(planOut, tokenValid);
}

ImportRunOutcome ImportService::dryRun(const bss::sdk::CallContext& caller,
                                       const ImportSelection& selection) {
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    try {
        PreparedImport prepared = prepare(caller, selection, true, runId, {});
        ImportRunOutcome outcome = plannedOutcome(prepared.plan, runId);
        for (const auto& [index, reason] : prepared.profileFailures)
            outcome.tenants[index] = notReadOutcome(prepared.plan.tenants[index], reason);
        outcome.startedAt = formatIsoUtc(_services.clock().now());
        outcome.finishedAt = outcome.startedAt;
        _runs.appendAudit({0, caller.organization.id, caller.user.id, caller.user.login,
                           selection.instanceId, "dry_run", selection.describe(), "succeeded",
                           summaryJson(summarizeOutcomes(outcome.tenants), selection.policy),
                           outcome.startedAt});
        return outcome;
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::NotAuthenticated)
            throw ToolError(
                ErrorCode::NotAuthenticatedUpstream,
                notAuthenticatedMessage(
                    usableInstance(_services, caller, selection.instanceId).name, error.code()),
                "instanceId");
        if (error.kind() == GatewayErrorKind::AnswerLost)
            throw answerLost(usableInstance(_services, caller, selection.instanceId).name,
                             "the dry run");
        throw ToolError(ErrorCode::UpstreamFailure, error.what());
    }
}

std::pair<std::string, std::string> ImportService::start(const bss::sdk::CallContext& caller,
                                                         const ImportSelection& selection) {
    usableInstance(_services, caller, selection.instanceId);
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    bss::sdk::CallContext callerCopy = caller;
    const std::string jobId =
        _services.jobs().submit(caller, "import", instanceJobSubject(selection.instanceId),
                                [this, callerCopy, selection, runId](bss::sdk::JobControl& job) {
                                    return run(callerCopy, selection, runId, job);
                                });
    return {jobId, runId};
}

std::string ImportService::run(const bss::sdk::CallContext& caller,
                               const ImportSelection& selection, const std::string& runId,
                               bss::sdk::JobControl& job) {
    const std::string startedAt = formatIsoUtc(_services.clock().now());
    _runs.insert({runId, caller.organization.id, selection.instanceId, "import",
                  selection.describe(), "running", caller.user.id, caller.user.login, startedAt,
                  std::nullopt, "", summaryJson(OutcomeSummary{}, selection.policy)});
    std::vector<TenantOutcome> outcomes;
    auto finish = [&](const std::string& state, const std::string& message) {
        const std::string at = formatIsoUtc(_services.clock().now());
        const std::string summary = summaryJson(summarizeOutcomes(outcomes), selection.policy);
        _runs.finish(runId, state, at, message, summary);
        _runs.appendAudit({0, caller.organization.id, caller.user.id, caller.user.login,
                           selection.instanceId, "import", selection.describe(), state,
                           message + " " + summary, at});
        return summary;
    };
    try {
        job.reportProgress("{\"phase\":\"preparing\"}");
        ImportRequest request = selectTenants(caller, selection);
        // Tenants are planned and written a batch at a time while the billing profiles of later
        // ones are still being read.
        BillingProfileReader profiles(_clients.clientFor(caller.organization, selection.instanceId),
                                      {runId, [&job] { return job.cancelRequested(); }},
                                      _parallelism, request.tenants);
        profiles.start();
        const storage::ImportRunStamp stamp{caller.organization.id, runId, caller.user.id,
                                            startedAt};
        storage::ImportWriter writer(_services.database());
        const std::size_t total = request.tenants.size();
        const std::size_t batchTenants = tenantsPerBatch(total);
        std::vector<std::string> written;
        for (std::size_t begin = 0, end = 0; begin < total && !job.cancelRequested(); begin = end) {
            std::size_t subscriptions = request.tenants[begin].subscriptions.size();
            for (end = begin + 1; end < total && end - begin < batchTenants; ++end) {
                subscriptions += request.tenants[end].subscriptions.size();
                if (subscriptions > kSubscriptionsPerBatch)
                    break;
            }
            try {
                profiles.waitFor(end);
            } catch (const GatewayError& error) {
                if (error.kind() == GatewayErrorKind::Cancelled)
                    break; // the job was cancelled while profiles were read
                throw;
            }
            std::vector<TenantPlan> plans;
            std::vector<storage::ImportBatchItem> items;
            plans.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i) {
                plans.push_back(planTenant(request, request.tenants[i]));
                items.push_back({&plans.back(), i, profiles.failure(i)});
            }
            for (TenantOutcome& outcome : writer.writeBatch(stamp, items))
                outcomes.push_back(std::move(outcome));
            for (const storage::ImportBatchItem& item : items)
                if (item.notWritten.empty())
                    written.push_back(item.plan->tenantId);
            job.reportProgress("{\"phase\":\"importing\",\"tenantsDone\":" + std::to_string(end) +
                               ",\"tenantsTotal\":" + std::to_string(total) + "}");
        }
        profiles.stop();

        // Show the imported tenants' new status at once, without calling Microsoft.
        if (!written.empty()) {
            storage::HierarchyRepository hierarchy(_services.database());
            const storage::HierarchyKey key{caller.organization.id, selection.instanceId};
            storage::BssAccountRepository accounts(_services.database());
            const BssAccountIndex index(accounts.customerAccounts(caller.organization.id));
            const storage::SaveStamp saved{runId, formatIsoUtc(_services.clock().now()),
                                           std::nullopt, std::nullopt};
            if (_services.database().dialect() == bss::sdk::SqlDialect::PostgreSQL &&
                written.size() > kTenantsRefreshedOneByOne) {
                // Many tenants: audit the whole saved hierarchy again and save it in one pass
                // (as an incremental Get Hierarchy does) instead of replacing tenant by tenant.
                hierarchy.replaceAll(key, auditHierarchy(hierarchy.load(key), index),
                                     hierarchy.fetchErrors(key), saved);
            } else {
                hierarchy.replaceTenants(key, written,
                                         auditHierarchy(hierarchy.loadTenants(key, written), index),
                                         {}, saved);
            }
        }
        const bool cancelled = job.cancelRequested() && outcomes.size() < total;
        const std::string message =
            cancelled ? "Cancelled after " + std::to_string(outcomes.size()) + " of " +
                            std::to_string(total) + " tenant(s); run the import again to resume."
                      : "Imported " + std::to_string(total) + " tenant(s).";
        const std::string summary = finish(cancelled ? "cancelled" : "succeeded", message);
        Poco::JSON::Object result;
        result.set("runId", runId);
        result.set("message", message);
        result.set("summary", Poco::JSON::Parser().parse(summary));
        return storage::stringify(result);
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::Cancelled) {
            finish("cancelled", "Cancelled before anything was written.");
            return "{\"runId\":\"" + runId + "\",\"cancelled\":true}";
        }
        const std::string instanceName =
            usableInstance(_services, caller, selection.instanceId).name;
        const std::string message = error.kind() == GatewayErrorKind::NotAuthenticated
                                        ? notAuthenticatedMessage(instanceName, error.code())
                                    : error.kind() == GatewayErrorKind::AnswerLost
                                        ? answerLostMessage(instanceName, "the import")
                                        : std::string("Import failed: ") + error.what();
        finish("failed", message);
        throw ToolError(error.kind() == GatewayErrorKind::NotAuthenticated
                            ? ErrorCode::NotAuthenticatedUpstream
                            : ErrorCode::UpstreamFailure,
                        message);
    } catch (const ToolError& error) {
        finish("failed", error.what());
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message = "Import failed: " + error.displayText();
        finish("failed", message);
        throw ToolError(ErrorCode::Internal, message);
    } catch (const std::exception& error) {
        const std::string message = std::string("Import failed: ") + error.what();
        finish("failed", message);
        throw ToolError(ErrorCode::Internal, message);
    }
}

ImportResults ImportService::results(const bss::sdk::CallContext& caller,
                                     const std::string& runId) {
    std::optional<storage::RunRecord> run = _runs.find(runId);
    if (!run || run->organizationId != caller.organization.id || run->kind != "import")
        throw ToolError(ErrorCode::NotFound, "No import run '" + runId + "' in this organization.",
                        "runId");
    ImportResults results;
    results.run = *run;
    results.outcome.runId = runId;
    results.outcome.startedAt = run->startedAt;
    results.outcome.finishedAt = run->finishedAt.value_or("");
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr summary = parser.parse(run->summary).extract<Poco::JSON::Object::Ptr>();
    results.outcome.policy = parseBillingPolicy(summary->optValue<std::string>("billingPolicy", ""))
                                 .value_or(BillingPolicy::Unset);
    results.outcome.tenants = storage::ImportResultsRepository(_services.database()).results(runId);
    return results;
}

} // namespace ict::application
