#include "application/GetHierarchyService.h"

#include "application/AnswerLostMessage.h"
#include "application/HierarchyCrawler.h"
#include "application/InstanceJobSubject.h"
#include "application/UsableInstance.h"
#include "domain/audit/BssAccountIndex.h"
#include "domain/audit/TenantAudit.h"
#include "domain/common/IsoTime.h"
#include "domain/hierarchy/HierarchyMerge.h"
#include "domain/hierarchy/RefreshPlanner.h"
#include "domain/hierarchy/SavedCustomer.h"
#include "domain/validation/UnknownTenantMessages.h"
#include "gateway/GatewayError.h"

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>
#include <Poco/UUIDGenerator.h>

#include <set>
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

std::size_t tenantRows(const domain::Hierarchy& hierarchy) {
    std::size_t rows = hierarchy.directTenants.size() + hierarchy.unassignedTenants.size();
    for (const domain::ResellerRow& reseller : hierarchy.resellers)
        rows += reseller.endCustomers.size();
    return rows;
}

std::size_t subscriptionRows(const domain::Hierarchy& hierarchy) {
    std::size_t rows = 0;
    auto count = [&](const std::vector<domain::TenantRow>& tenants) {
        for (const domain::TenantRow& tenant : tenants)
            rows += tenant.subscriptions.size();
    };
    count(hierarchy.directTenants);
    count(hierarchy.unassignedTenants);
    for (const domain::ResellerRow& reseller : hierarchy.resellers)
        count(reseller.endCustomers);
    return rows;
}

std::vector<domain::Reseller> savedResellers(const domain::Hierarchy& hierarchy) {
    std::vector<domain::Reseller> resellers;
    for (const domain::ResellerRow& row : hierarchy.resellers)
        if (row.nameSource != domain::ResellerNameSource::Placeholder)
            resellers.push_back({row.tenantId, row.name, row.mpnId, "", ""});
    return resellers;
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
                                         int parallelism)
    : _services(services), _clients(clients), _parallelism(parallelism),
      _hierarchy(services.database()), _accounts(services.database()), _runs(services.database()) {}

std::string GetHierarchyService::start(const bss::sdk::CallContext& caller,
                                       const GetHierarchyRequest& request) {
    usableInstance(_services, caller, request.instanceId);
    bss::sdk::CallContext callerCopy = caller;
    return _services.jobs().submit(caller, "get-hierarchy", instanceJobSubject(request.instanceId),
                                   [this, callerCopy, request](bss::sdk::JobControl& job) {
                                       return run(callerCopy, request, job);
                                   });
}

std::string GetHierarchyService::run(const bss::sdk::CallContext& caller,
                                     const GetHierarchyRequest& request,
                                     bss::sdk::JobControl& job) {
    const bss::sdk::InstanceInfo instance = usableInstance(_services, caller, request.instanceId);
    const storage::HierarchyKey key{caller.organization.id, instance.id};
    const std::string runId = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    const auto startedAt = _services.clock().now();
    const std::string startedIso = domain::formatIsoUtc(startedAt);
    storage::RunRecord record{runId,
                              key.organizationId,
                              key.instanceId,
                              "get_hierarchy",
                              request.describe(),
                              "running",
                              caller.user.id,
                              caller.user.login,
                              startedIso,
                              std::nullopt,
                              "",
                              "{}"};
    _runs.insert(record);

    auto finish = [&](const std::string& state, const std::string& message,
                      const std::string& summary) {
        const std::string at = domain::formatIsoUtc(_services.clock().now());
        _runs.finish(runId, state, at, message, summary);
        _runs.appendAudit({0, key.organizationId, caller.user.id, caller.user.login, key.instanceId,
                           "get_hierarchy", request.describe(), state, message, at});
    };

    gateway::RequestContext context{runId, [&job] { return job.cancelRequested(); }};
    const bool indirect = instance.cspModel != bss::sdk::CspModel::Direct;
    const bool direct = instance.cspModel != bss::sdk::CspModel::Indirect;
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

        HierarchyMode mode = request.mode;
        std::string note;
        std::vector<std::string> refetched;
        std::set<std::string> customerReads;
        if (mode == HierarchyMode::Incremental) {
            const std::optional<storage::InstanceState> state = _hierarchy.state(key);
            std::optional<domain::TimePoint> coveredUntil;
            if (state && state->changesCoveredUntil)
                coveredUntil = domain::parseIsoUtc(*state->changesCoveredUntil);
            std::vector<domain::AuditRecord> records;
            const bool withinRetention =
                coveredUntil &&
                startedAt - *coveredUntil < std::chrono::hours(24 * domain::kAuditRetentionDays);
            if (withinRetention && *coveredUntil <= startedAt)
                records = client->auditRecords(context, domain::formatIsoUtc(*coveredUntil));
            const domain::RefreshPlan plan = domain::planRefresh(coveredUntil, startedAt, records);
            if (plan.kind == domain::RefreshKind::Full) {
                mode = HierarchyMode::Mass;
                note = plan.reason;
            } else {
                refetched = plan.tenantIds;
                customerReads.insert(plan.customerReads.begin(), plan.customerReads.end());
            }
        }

        CrawlResult crawl;
        std::vector<std::string> singleIds;
        if (mode == HierarchyMode::Mass) {
            crawl = crawler.crawlAll(direct, indirect);
        } else {
            const domain::Hierarchy saved = _hierarchy.load(key);
            std::vector<domain::Customer> customers;
            if (mode == HierarchyMode::SingleTenant) {
                try {
                    customers.push_back(client->customer(context, request.tenantId));
                } catch (const GatewayError& error) {
                    if (error.kind() != GatewayErrorKind::NotFound)
                        throw;
                    throw ToolError(ErrorCode::NotFound,
                                    domain::unknownTenantIdMessage(request.tenantId), "tenantId");
                }
            } else if (mode == HierarchyMode::SingleDomain) {
                std::optional<domain::Customer> found =
                    client->customerByDomain(context, request.domain);
                if (!found)
                    throw ToolError(ErrorCode::NotFound,
                                    domain::unknownPrimaryDomainMessage(request.domain), "domain");
                customers.push_back(*found);
            } else {
                for (const std::string& tenantId : refetched) {
                    if (!customerReads.count(tenantId)) {
                        // Only its subscriptions changed: the saved record is still current.
                        if (std::optional<domain::Customer> known =
                                domain::savedCustomer(saved, tenantId)) {
                            customers.push_back(std::move(*known));
                            continue;
                        }
                    }
                    try {
                        customers.push_back(client->customer(context, tenantId));
                    } catch (const GatewayError& error) {
                        // Gone from Partner Center (or left the partner): its rows are removed.
                        if (error.kind() != GatewayErrorKind::NotFound &&
                            error.kind() != GatewayErrorKind::CustomerLeft)
                            throw;
                    }
                }
            }
            for (const domain::Customer& customer : customers)
                singleIds.push_back(customer.tenantId);
            crawl = crawler.crawlCustomers(customers, direct, indirect, savedResellers(saved));
            if (mode == HierarchyMode::Incremental) {
                reportPhase("saving");
                domain::Hierarchy merged = domain::mergeTenants(saved, crawl.hierarchy, refetched);
                // BSS accounts change without Partner Center records: audit everything again.
                domain::BssAccountIndex accounts(_accounts.customerAccounts(key.organizationId));
                merged = domain::auditHierarchy(std::move(merged), accounts);
                // Earlier read failures of tenants not refetched stay listed.
                std::vector<storage::TenantFetchError> failures;
                const std::set<std::string> refetchedSet(refetched.begin(), refetched.end());
                for (const storage::TenantFetchError& failure : _hierarchy.fetchErrors(key))
                    if (!refetchedSet.count(failure.tenantId))
                        failures.push_back(failure);
                failures.insert(failures.end(), crawl.failures.begin(), crawl.failures.end());
                _hierarchy.replaceAll(key, merged, failures,
                                      {runId, domain::formatIsoUtc(_services.clock().now()),
                                       std::nullopt, startedIso});
                Poco::JSON::Object summary;
                summary.set("mode", std::string("incremental"));
                summary.set("tenantsRefetched", static_cast<Poco::Int64>(refetched.size()));
                summary.set("tenants", static_cast<Poco::Int64>(tenantRows(merged)));
                summary.set("subscriptions", static_cast<Poco::Int64>(subscriptionRows(merged)));
                summary.set("failures", static_cast<Poco::Int64>(crawl.failures.size()));
                summary.set("requests", crawler.callsMade());
                summary.set("runId", runId);
                const std::string message =
                    "Incremental refresh: " + std::to_string(refetched.size()) +
                    " tenant(s) changed since the last update.";
                summary.set("message", message);
                finish("succeeded", message, stringify(summary));
                return stringify(summary);
            }
        }

        if (job.cancelRequested())
            throw GatewayError::cancelled("Get Hierarchy");
        reportPhase("saving");
        domain::BssAccountIndex accounts(_accounts.customerAccounts(key.organizationId));
        // Audited in place (moved through), so the run holds one copy of the rows.
        domain::Hierarchy hierarchy = domain::auditHierarchy(std::move(crawl.hierarchy), accounts);
        const std::string savedAt = domain::formatIsoUtc(_services.clock().now());
        if (mode == HierarchyMode::Mass)
            _hierarchy.replaceAll(key, hierarchy, crawl.failures,
                                  {runId, savedAt, savedAt, startedIso});
        else
            _hierarchy.replaceTenants(key, singleIds, hierarchy, crawl.failures,
                                      {runId, savedAt, std::nullopt, std::nullopt});

        Poco::JSON::Object summary;
        summary.set("runId", runId);
        summary.set("mode", mode == HierarchyMode::Mass ? std::string("mass") : request.describe());
        summary.set("tenants", static_cast<Poco::Int64>(tenantRows(hierarchy)));
        summary.set("resellers", static_cast<Poco::Int64>(hierarchy.resellers.size()));
        summary.set("subscriptions", static_cast<Poco::Int64>(subscriptionRows(hierarchy)));
        summary.set("failures", static_cast<Poco::Int64>(crawl.failures.size()));
        summary.set("requests", crawler.callsMade());
        if (mode == HierarchyMode::Mass)
            summary.set("lastMassUpdateAt", savedAt);
        std::string message = note.empty() ? "" : note + " ";
        message += "Get Hierarchy finished: " + std::to_string(tenantRows(hierarchy)) +
                   " tenant row(s), " + std::to_string(crawl.failures.size()) +
                   " tenant(s) could not be read.";
        summary.set("message", message);
        finish("succeeded", message, stringify(summary));
        return stringify(summary);
    } catch (const GatewayError& error) {
        if (error.kind() == GatewayErrorKind::Cancelled) {
            finish("cancelled", "Cancelled; the saved hierarchy is unchanged.", "{}");
            return "{\"cancelled\":true,\"message\":\"Cancelled; the saved hierarchy is "
                   "unchanged.\"}";
        }
        if (error.kind() == GatewayErrorKind::NotAuthenticated) {
            const std::string message = notAuthenticatedMessage(instance.name, error.code());
            finish("failed", message, "{}");
            throw ToolError(ErrorCode::NotAuthenticatedUpstream, message, "instanceId");
        }
        if (error.kind() == GatewayErrorKind::AnswerLost) {
            const std::string message = answerLostMessage(instance.name, "Get Hierarchy") +
                                        " The saved hierarchy is unchanged.";
            finish("failed", message, "{}");
            throw ToolError(ErrorCode::UpstreamFailure, message, "instanceId");
        }
        const std::string message = std::string("Get Hierarchy failed: ") + error.what() +
                                    ". The saved hierarchy is unchanged.";
        finish("failed", message, "{}");
        throw ToolError(ErrorCode::UpstreamFailure, message);
    } catch (const ToolError& error) {
        finish("failed", error.what(), "{}");
        throw;
    } catch (const Poco::Exception& error) {
        const std::string message =
            "Get Hierarchy failed: " + error.displayText() + ". The saved hierarchy is unchanged.";
        finish("failed", message, "{}");
        throw ToolError(ErrorCode::Internal, message);
    } catch (const std::exception& error) {
        const std::string message = std::string("Get Hierarchy failed: ") + error.what() +
                                    ". The saved hierarchy is unchanged.";
        finish("failed", message, "{}");
        throw ToolError(ErrorCode::Internal, message);
    }
}

} // namespace ict::application
