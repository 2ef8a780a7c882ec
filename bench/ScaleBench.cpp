#include "ScaleBench.h"

#include "BareImportInsert.h"
#include "BenchSupport.h"
#include "EmulatorProcess.h"
#include "PeakMemory.h"
#include "storage/SqlText.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace ict::bench {
namespace {

struct ScaleFigures {
    int tenants = 0;
    std::int64_t subscriptions = 0;
    double hierarchySeconds = 0;
    std::int64_t subscriptionRequests = 0, fullRequests = 0;
    double hierarchyBound = 0;
    double hierarchyPeakMb = 0;
    PageLatency page;
    std::int64_t changed = 0, incrementalRequests = 0;
    double incrementalSeconds = 0;
    ImportRun import;
    double importPeakMb = 0;
    double bareSeconds = 0;
    std::size_t bareRows = 0;
};

/// 1% of the saved tenants, spread over the list, each with the id of one of its subscriptions.
std::vector<std::pair<std::string, std::string>> picks(ToolHarness& h, std::int64_t id,
                                                       std::size_t count) {
    Poco::Data::Session session = h.database().session();
    using namespace Poco::Data::Keywords;
    Poco::Int64 org = h.root().organization.id, instance = id;
    std::vector<std::string> tenants, subscriptions;
    session << storage::forDialect(
        h.dialect(), "SELECT s.tenant_id, MIN(s.subscription_id) FROM ict_subscriptions"
                     " s JOIN ict_instance_state i ON i.snapshot_id = s.snapshot_id"
                     " WHERE i.organization_id = ? AND i.instance_id = ? GROUP BY"
                     " s.tenant_id ORDER BY s.tenant_id"),
        use(org), use(instance), into(tenants), into(subscriptions), now;
    std::vector<std::pair<std::string, std::string>> chosen;
    for (std::size_t i = 0; i < count && !tenants.empty(); ++i) {
        const std::size_t at = i * tenants.size() / count;
        chosen.emplace_back(tenants[at], subscriptions[at]);
    }
    return chosen;
}

ScaleFigures runAt(int tenants, int limit) {
    std::printf("-- %d tenants, limit %d/min\n", tenants, limit);
    ScaleFigures f;
    f.tenants = tenants;
    std::vector<std::string> flags = emulatorFlags(tenants, 29);
    // The limit binds from the first seconds: a bucket of two seconds' worth, not a minute's
    // (a bucket of one token answers a request that arrives a millisecond early with a whole
    // second's Retry-After, which no client pacing at the limit can avoid).
    const int burst = std::max(1, limit / 30);
    for (const std::string& flag : {std::string("--rate-limit"), std::to_string(limit),
                                    std::string("--rate-limit-burst"), std::to_string(burst)})
        flags.push_back(flag);
    EmulatorProcess pc(flags);
    std::map<std::string, std::string> client = defaultClient(limit);
    client["ICT_PC_MAX_IN_FLIGHT"] = "16";
    ToolHarness h(client);
    const std::int64_t id = h.addInstance(pc.instanceRecord(h, "Scale PC"));

    pc.resetCounters();
    resetPeakMemory();
    PhaseTimes phases;
    JsonObject job;
    f.hierarchySeconds = timedHierarchy(h, id, "mass", &job, &phases);
    f.hierarchyPeakMb = peakMemoryMb();
    printPhases(phases, f.hierarchySeconds);
    const auto counters = pc.counters();
    f.subscriptionRequests =
        counters.count("subscriptions.list") ? counters.at("subscriptions.list") : 0;
    f.fullRequests = counters.at("total");
    f.subscriptions = job->getObject("result")->getValue<std::int64_t>("subscriptions");
    // The client is paced at the limit, so the bucket's burst never fills a gap: the bound is
    // the whole count at the limit.
    f.hierarchyBound = 60.0 * static_cast<double>(f.subscriptionRequests) / limit;
    std::printf("  mass: %.2f s, %lld requests (%lld subscription lists), bound %.2f s, ratio "
                "%.3f; %lld subscriptions; host peak %.1f MB\n",
                f.hierarchySeconds, static_cast<long long>(f.fullRequests),
                static_cast<long long>(f.subscriptionRequests), f.hierarchyBound,
                f.hierarchySeconds / f.hierarchyBound, static_cast<long long>(f.subscriptions),
                f.hierarchyPeakMb);

    f.page = tenantPageLatency(h, id, tenants);

    // Audit records are dated to the second: changes after the mass run's start are found.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto changes = picks(h, id, static_cast<std::size_t>(std::max(1, tenants / 100)));
    for (std::size_t i = 0; i < changes.size(); ++i)
        pc.control("PATCH",
                   "/customers/" + changes[i].first + "/subscriptions/" + changes[i].second,
                   "{\"quantity\":" + std::to_string(500 + i) + "}");
    f.changed = static_cast<std::int64_t>(changes.size());
    pc.resetCounters();
    f.incrementalSeconds = timedHierarchy(h, id, "incremental");
    f.incrementalRequests = pc.counters().at("total");
    std::printf("  incremental after %lld tenants changed: %.2f s, %lld requests = %.2f%% of the "
                "full run's\n",
                static_cast<long long>(f.changed), f.incrementalSeconds,
                static_cast<long long>(f.incrementalRequests),
                100.0 * f.incrementalRequests / f.fullRequests);

    // The import: every offer mapped, no limit on either side (as (e)).
    mapSavedOffers(h, id);
    pc.setFaults("{\"rateLimitPerMinute\":0}");
    for (const auto& [name, value] : fastClient(16))
        ::setenv(name.c_str(), value.c_str(), 1);
    ToolHarness importer(h); // a second tool instance on the database, with the fast client
    resetPeakMemory();
    f.import = timedImport(importer, id);
    f.importPeakMb = peakMemoryMb();
    BareImportInsert bare(h.database(), f.import.runId);
    bare.prepareTables();
    const auto start = Clock::now();
    f.bareRows = bare.insert();
    f.bareSeconds = secondsSince(start);
    std::printf(
        "  import: %.2f s (first batch at %.2f s), %d accounts and %d subscriptions "
        "created; host peak %.1f MB\n  bare insert of its %zu rows (%zu accounts, %zu "
        "subscriptions): %.2f s; ratio %.2f\n",
        f.import.seconds, f.import.firstBatch, f.import.summary->getValue<int>("accountsCreated"),
        f.import.summary->getValue<int>("subscriptionsCreated"), f.importPeakMb, f.bareRows,
        bare.accounts(), bare.subscriptions(), f.bareSeconds, f.import.seconds / f.bareSeconds);
    return f;
}

} // namespace

int benchScale(int tenants, int limitPerMinute, int smallTenants) {
    header("scale: a distributor's instance, the emulator in its own process");
    const ScaleFigures small = runAt(smallTenants, limitPerMinute);
    const ScaleFigures large = runAt(tenants, limitPerMinute);
    std::printf("== figures (%d | %d tenants)\n", smallTenants, tenants);
    for (const ScaleFigures* f : {&small, &large})
        std::printf("  %6d tenants, %7lld subscriptions: Get Hierarchy %.1f s / bound %.1f s = "
                    "%.3f (goal <= 1.05); peak %.1f MB during it, %.1f MB during the import "
                    "(goal <= 200); page p95 %.1f ms (goal < 30); incremental %.2f%% of the full "
                    "run's requests (goal <= 1.1%%); import %.1f s / bare %.1f s = %.2f (goal <= "
                    "3)\n",
                    f->tenants, static_cast<long long>(f->subscriptions), f->hierarchySeconds,
                    f->hierarchyBound, f->hierarchySeconds / f->hierarchyBound, f->hierarchyPeakMb,
                    f->importPeakMb, f->page.p95, 100.0 * f->incrementalRequests / f->fullRequests,
                    f->import.seconds, f->bareSeconds, f->import.seconds / f->bareSeconds);
    std::printf("  peak memory, %d vs %d tenants: Get Hierarchy %.2fx, import %.2fx (goal <= "
                "1.5)\n",
                tenants, smallTenants, large.hierarchyPeakMb / small.hierarchyPeakMb,
                large.importPeakMb / small.importPeakMb);
    return 0;
}

} // namespace ict::bench
