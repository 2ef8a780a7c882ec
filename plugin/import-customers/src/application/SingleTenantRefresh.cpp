#include "application/SingleTenantRefresh.h"

#include "application/BssAuditor.h"
#include "application/CollectingSink.h"
#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/validation/UnknownTenantMessages.h"
#include "gateway/GatewayError.h"
#include "storage/HierarchyRepository.h"
#include "storage/SnapshotReader.h"

#include <bss/sdk/ToolError.h>

#include <map>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using gateway::GatewayError;
using gateway::GatewayErrorKind;

namespace {

domain::Customer readCustomer(RefreshRun& run, const GetHierarchyRequest& request) {
    if (request.mode == HierarchyMode::SingleTenant) {
        try {
            return run.client.customer(run.context, request.tenantId);
        } catch (const GatewayError& error) {
            if (error.kind() != GatewayErrorKind::NotFound)
                throw;
            throw ToolError(ErrorCode::NotFound, domain::unknownTenantIdMessage(request.tenantId),
                            "tenantId");
        }
    }
    std::optional<domain::Customer> found =
        run.client.customerByDomain(run.context, request.domain);
    if (!found)
        throw ToolError(ErrorCode::NotFound, domain::unknownPrimaryDomainMessage(request.domain),
                        "domain");
    return *found;
}

/// The tenant's rows under their resellers, in canonical order.
domain::Hierarchy hierarchyOf(std::vector<domain::TenantRow> rows,
                              std::vector<domain::ResellerRow> resellers) {
    domain::Hierarchy hierarchy;
    std::map<std::string, domain::ResellerRow*> byMpn;
    for (domain::ResellerRow& reseller : resellers)
        byMpn[reseller.mpnId] = &reseller;
    for (domain::TenantRow& row : rows) {
        if (row.placement == domain::TenantPlacement::EndCustomer && byMpn.count(row.resellerMpnId))
            byMpn[row.resellerMpnId]->endCustomers.push_back(std::move(row));
        else if (row.placement == domain::TenantPlacement::Unassigned)
            hierarchy.unassignedTenants.push_back(std::move(row));
        else
            hierarchy.directTenants.push_back(std::move(row));
    }
    hierarchy.resellers = std::move(resellers);
    domain::sortHierarchy(hierarchy);
    return hierarchy;
}

} // namespace

RefreshOutcome runSingleTenantRefresh(RefreshRun& run, const GetHierarchyRequest& request) {
    bss::sdk::Database& database = run.services.database();
    const domain::Customer customer = readCustomer(run, request);
    storage::HierarchyRepository repository(database);
    std::vector<domain::Reseller> known;
    if (const std::optional<storage::InstanceState> state = repository.state(run.key);
        state && state->snapshotId != 0)
        for (const domain::ResellerRow& row :
             storage::SnapshotReader(database).resellers(state->snapshotId))
            if (row.nameSource != domain::ResellerNameSource::Placeholder)
                known.push_back({row.tenantId, row.name, row.mpnId, "", ""});
    CollectingSink sink;
    CrawlSummary crawl =
        run.crawler.crawlCustomers({customer}, run.directCapable, run.indirectCapable, known, sink);
    if (run.context.cancelled())
        throw GatewayError::cancelled("Get Hierarchy");
    run.reportPhase("saving");
    BssAuditor(database, run.key.organizationId).audit(sink.rows());
    RefreshOutcome outcome;
    outcome.mode = request.describe();
    outcome.failures = crawl.failures;
    for (const domain::TenantRow& row : sink.rows()) {
        ++outcome.tenantRows;
        outcome.subscriptions += static_cast<std::int64_t>(row.subscriptions.size());
    }
    outcome.resellers = static_cast<std::int64_t>(crawl.resellers.size());
    const domain::Hierarchy hierarchy =
        hierarchyOf(std::move(sink.rows()), std::move(crawl.resellers));
    repository.replaceTenants(run.key, {customer.tenantId}, hierarchy, sink.failures(),
                              {run.runId, run.nowIso(), std::nullopt, std::nullopt});
    outcome.message = "Get Hierarchy finished: " + std::to_string(outcome.tenantRows) +
                      " tenant row(s), " + std::to_string(outcome.failures) +
                      " tenant(s) could not be read.";
    return outcome;
}

} // namespace ict::application
