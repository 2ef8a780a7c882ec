#include "application/IncrementalRefresh.h"

#include "application/BssAuditor.h"
#include "application/MassRefresh.h"
#include "application/StagingSink.h"
#include "domain/common/IsoTime.h"
#include "domain/hierarchy/HierarchyMerge.h"
#include "domain/hierarchy/RefreshPlanner.h"
#include "domain/hierarchy/SavedCustomer.h"
#include "gateway/GatewayError.h"
#include "storage/SnapshotReader.h"
#include "storage/SnapshotStore.h"
#include "storage/SnapshotWriter.h"

#include <map>
#include <set>

namespace ict::application {

using gateway::GatewayError;
using gateway::GatewayErrorKind;

namespace {

/// Saved rows read (and written again) per page of the copy.
constexpr std::size_t kCopyPage = 500;
/// Tenants whose saved customer record is looked up per query.
constexpr std::size_t kSavedCustomersPerRead = 200;

/// The customers to read again: the saved record of a tenant whose records only touched its
/// subscriptions, else Partner Center's. A tenant gone from Partner Center is left out (its
/// rows go).
std::vector<domain::Customer> changedCustomers(RefreshRun& run, std::int64_t current,
                                               const domain::RefreshPlan& plan) {
    const std::set<std::string> reads(plan.customerReads.begin(), plan.customerReads.end());
    std::vector<std::string> reusable;
    for (const std::string& tenantId : plan.tenantIds)
        if (!reads.count(tenantId))
            reusable.push_back(tenantId);
    std::map<std::string, domain::Customer> saved;
    const storage::SnapshotReader reader(run.services.database());
    for (std::size_t begin = 0; begin < reusable.size(); begin += kSavedCustomersPerRead) {
        const std::vector<std::string> ids(
            reusable.begin() + static_cast<std::ptrdiff_t>(begin),
            reusable.begin() + static_cast<std::ptrdiff_t>(
                                   std::min(reusable.size(), begin + kSavedCustomersPerRead)));
        const domain::Hierarchy rows = reader.loadTenants(current, ids);
        for (const std::string& id : ids)
            if (std::optional<domain::Customer> customer = domain::savedCustomer(rows, id))
                saved.emplace(id, std::move(*customer));
    }
    std::vector<domain::Customer> customers;
    for (const std::string& tenantId : plan.tenantIds) {
        auto found = saved.find(tenantId);
        if (found != saved.end()) {
            customers.push_back(std::move(found->second));
            continue;
        }
        try {
            customers.push_back(run.client.customer(run.context, tenantId));
        } catch (const GatewayError& error) {
            // Gone from Partner Center (or left the partner): its rows are removed.
            if (error.kind() != GatewayErrorKind::NotFound &&
                error.kind() != GatewayErrorKind::CustomerLeft)
                throw;
        }
    }
    return customers;
}

/// Resellers whose names were found before, so no MPN profile is looked up again.
std::vector<domain::Reseller> namedResellers(const std::vector<domain::ResellerRow>& saved) {
    std::vector<domain::Reseller> named;
    for (const domain::ResellerRow& row : saved)
        if (row.nameSource != domain::ResellerNameSource::Placeholder)
            named.push_back({row.tenantId, row.name, row.mpnId, "", ""});
    return named;
}

/// Copies every saved row of tenants not in `refetched` into the sink (which audits them again).
void copyUnchanged(RefreshRun& run, std::int64_t current, const std::set<std::string>& refetched,
                   StagingSink& sink) {
    storage::SnapshotReader(run.services.database())
        .forEachPage(current, kCopyPage, {}, [&](storage::SnapshotPage& page) {
            if (run.context.cancelled())
                throw GatewayError::cancelled("Get Hierarchy");
            std::vector<domain::TenantRow> rows;
            for (domain::TenantRow& row : page.rows)
                if (!refetched.count(row.tenantId))
                    rows.push_back(std::move(row));
            sink.add(std::move(rows));
            // Earlier read failures of tenants not read again stay listed.
            for (storage::TenantFetchError& failure : page.failures)
                if (!refetched.count(failure.tenantId))
                    sink.fail(std::move(failure));
            return true;
        });
}

} // namespace

RefreshOutcome runIncrementalRefresh(RefreshRun& run) {
    bss::sdk::Database& database = run.services.database();
    storage::SnapshotStore snapshots(database);
    const std::optional<storage::InstanceState> state = snapshots.state(run.key);
    std::optional<domain::TimePoint> coveredUntil;
    if (state && state->changesCoveredUntil && state->snapshotId != 0)
        coveredUntil = domain::parseIsoUtc(*state->changesCoveredUntil);
    std::vector<domain::AuditRecord> records;
    const bool withinRetention =
        coveredUntil &&
        run.startedAt - *coveredUntil < std::chrono::hours(24 * domain::kAuditRetentionDays);
    if (withinRetention && *coveredUntil <= run.startedAt)
        records = run.client.auditRecords(run.context, domain::formatIsoUtc(*coveredUntil));
    const domain::RefreshPlan plan = domain::planRefresh(coveredUntil, run.startedAt, records);
    if (plan.kind == domain::RefreshKind::Full)
        return runMassRefresh(run, plan.reason);

    const std::int64_t current = state->snapshotId;
    snapshots.purgeLeftovers(run.key);
    const std::string startedIso = domain::formatIsoUtc(run.startedAt);
    const std::int64_t staging = snapshots.createStaging(run.key, run.runId, startedIso);
    try {
        const std::vector<domain::Customer> customers = changedCustomers(run, current, plan);
        const std::vector<domain::ResellerRow> savedResellers =
            storage::SnapshotReader(database).resellers(current);
        const BssAuditor auditor(database, run.key.organizationId);
        storage::SnapshotWriter writer(database, staging);
        StagingSink sink(auditor, writer);
        const CrawlSummary crawl =
            run.crawler.crawlCustomers(customers, run.directCapable, run.indirectCapable,
                                       namedResellers(savedResellers), sink);
        run.reportPhase("saving");
        std::set<std::string> refetched(plan.tenantIds.begin(), plan.tenantIds.end());
        for (const domain::Customer& customer : customers)
            refetched.insert(customer.tenantId);
        copyUnchanged(run, current, refetched, sink);
        sink.flush();
        if (run.context.cancelled())
            throw GatewayError::cancelled("Get Hierarchy");
        writer.writeResellers(domain::mergeResellers(savedResellers, crawl.resellers));
        const storage::SnapshotCounts counts = storage::countSnapshot(database, staging);
        const std::int64_t retired =
            snapshots.promote(run.key, staging, {run.runId, run.nowIso(), std::nullopt, startedIso},
                              [&run](Poco::Data::Session& session) { run.lease.fence(session); });
        if (retired)
            snapshots.purge(retired);

        RefreshOutcome outcome;
        outcome.mode = "incremental";
        outcome.tenantsRefetched = static_cast<std::int64_t>(plan.tenantIds.size());
        outcome.tenantRows = counts.tenantRows;
        outcome.resellers = counts.resellers;
        outcome.subscriptions = counts.subscriptions;
        outcome.failures = crawl.failures;
        outcome.message = "Incremental refresh: " + std::to_string(plan.tenantIds.size()) +
                          " tenant(s) changed since the last update.";
        return outcome;
    } catch (...) {
        try {
            snapshots.purge(staging);
        } catch (...) {
            // Left for the next run of the instance, which purges every leftover first.
        }
        throw;
    }
}

} // namespace ict::application
