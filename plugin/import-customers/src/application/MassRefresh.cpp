#include "application/MassRefresh.h"

#include "application/BssAuditor.h"
#include "application/StagingSink.h"
#include "domain/common/IsoTime.h"
#include "gateway/GatewayError.h"
#include "storage/CustomerSpool.h"
#include "storage/SnapshotStore.h"
#include "storage/SnapshotWriter.h"

namespace ict::application {

std::string RefreshRun::nowIso() const {
    return domain::formatIsoUtc(services.clock().now());
}

RefreshOutcome runMassRefresh(RefreshRun& run, const std::string& note) {
    bss::sdk::Database& database = run.services.database();
    storage::SnapshotStore snapshots(database);
    // This run holds the instance's lease: any other staging snapshot is a dead run's.
    snapshots.purgeLeftovers(run.key);
    const std::string startedIso = domain::formatIsoUtc(run.startedAt);
    const std::int64_t staging = snapshots.createStaging(run.key, run.runId, startedIso);
    try {
        const BssAuditor auditor(database, run.key.organizationId);
        storage::SnapshotWriter writer(database, staging);
        StagingSink sink(auditor, writer);
        storage::CustomerSpool spool(database, staging);
        const CrawlSummary crawl =
            run.crawler.crawlAll(run.directCapable, run.indirectCapable, spool, sink);
        sink.flush();
        if (run.context.cancelled())
            throw gateway::GatewayError::cancelled("Get Hierarchy");
        run.reportPhase("saving");
        writer.writeResellers(crawl.resellers);
        const storage::SnapshotCounts counts = storage::countSnapshot(database, staging);
        const std::string savedAt = run.nowIso();
        const std::int64_t retired =
            snapshots.promote(run.key, staging, {run.runId, savedAt, savedAt, startedIso},
                              [&run](Poco::Data::Session& session) { run.lease.fence(session); });
        spool.clear();
        if (retired)
            snapshots.purge(retired);

        RefreshOutcome outcome;
        outcome.mode = "mass";
        outcome.tenantRows = counts.tenantRows;
        outcome.resellers = counts.resellers;
        outcome.subscriptions = counts.subscriptions;
        outcome.failures = crawl.failures;
        outcome.lastMassUpdateAt = savedAt;
        outcome.message = (note.empty() ? "" : note + " ") +
                          "Get Hierarchy finished: " + std::to_string(counts.tenantRows) +
                          " tenant row(s), " + std::to_string(crawl.failures) +
                          " tenant(s) could not be read.";
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
