// Benchmarks of the Import Customers Tool at CSP scale: the real tool on the mock host's services
// and database (ICT_TEST_DB=sqlite|postgresql, ICT_TEST_PG for PostgreSQL), the Partner Center
// emulator over TLS on loopback. Each figure prints its measurements and the ratio to its goal's
// reference, measured in the same run (the machine is noisy).
//
//   ict_bench rate        [tenants=10000] [limitPerMinute=20000]   (a) wall time vs the bound
//   ict_bench parallel    [tenants=300]   [maxInFlight=16]         (b) parallel vs sequential
//   ict_bench incremental [tenants=10000]                          (c) + (d) requests, save
//   ict_bench import      [tenants=10000]                          (e) import wall time
//   ict_bench memory      [tenants=10000]                          (f) peak RSS, page p95
//   ict_bench scale [tenants=100000] [limitPerMinute=30000] [small=10000]  8/12: both sizes
//   ict_bench throttle-limit [tenants=2000] [limit=300] [client=1200] [burst=5]
//   ict_bench throttle-fifth [tenants=2000] [client=600000] [every=5] [retryAfter=1]
// The scale and throttle benchmarks run the emulator in a process of its own.
#include "BareHierarchyInsert.h"
#include "BenchSupport.h"
#include "ScaleBench.h"
#include "ThrottleBench.h"
#include "domain/audit/BssAccountIndex.h"
#include "domain/audit/TenantAudit.h"
#include "storage/BssAccountRepository.h"
#include "storage/HierarchyRepository.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

using mockhost::emulator::DataSet;
using mockhost::emulator::EmulatorOptions;
using mockhost::emulator::PartnerCenterEmulator;
using namespace ict::bench;

namespace {

std::size_t subscriptionCount(PartnerCenterEmulator& pc) {
    return pc.state().withData([](const DataSet& data) {
        std::size_t count = 0;
        for (const auto& customer : data.customers)
            count += customer.left ? 0 : customer.subscriptions.size();
        return count;
    });
}

void printCounters(PartnerCenterEmulator& pc) {
    std::cout << "  emulator requests:";
    for (const auto& [name, count] : pc.state().counters().snapshot())
        std::cout << " " << name << "=" << count;
    std::cout << "\n";
}

// (a) ------------------------------------------------------------------------------------------
int benchRate(int tenants, int limit) {
    header("(a) Get Hierarchy with the emulator's rate limit binding");
    PartnerCenterEmulator pc([&] {
        EmulatorOptions options = emulatorOptions(tenants, 7);
        options.faults.rateLimitPerMinute = limit;
        return options;
    }());
    pc.start();
    ToolHarness h({{"ICT_PC_REQUESTS_PER_MINUTE", std::to_string(limit)},
                   {"ICT_PC_MAX_IN_FLIGHT", "16"},
                   {"ICT_PC_BACKOFF_MS", "500"},
                   {"ICT_PC_MAX_ATTEMPTS", "5"}});
    const std::int64_t id = h.addInstance("Bench PC", "direct", pc);
    // The emulator's bucket holds a minute's worth; empty it so the limit binds from the start.
    int drained = 0;
    while (pc.state().rateLimiter().acquire(pc.partnerTenantId()) == 0)
        ++drained;
    pc.state().counters().reset();
    PhaseTimes phases;
    const double seconds = timedHierarchy(h, id, "mass", nullptr, &phases);
    printPhases(phases, seconds);
    auto& counters = pc.state().counters();
    const auto subs = counters.count("subscriptions.list");
    const double bound = 60.0 * static_cast<double>(subs) / limit;
    const double boundAll = 60.0 * static_cast<double>(counters.total()) / limit;
    std::cout << "  tenants=" << tenants << " subscriptions=" << subscriptionCount(pc)
              << " limit=" << limit << "/min (emulator and client; emulator bucket drained of "
              << drained << " tokens first)\n";
    printCounters(pc);
    std::printf("  wall %.2f s; bound (subscription requests / limit) %.2f s; ratio %.3f (goal <= "
                "1.10)\n  bound over all requests %.2f s; ratio %.3f\n",
                seconds, bound, seconds / bound, boundAll, seconds / boundAll);
    return 0;
}

// (b) ------------------------------------------------------------------------------------------
double crawlWithLatency(int tenants, int maxInFlight, std::int64_t* requests) {
    PartnerCenterEmulator pc([&] {
        EmulatorOptions options = emulatorOptions(tenants, 9);
        options.faults.latencyMs = 100;
        return options;
    }());
    pc.start();
    ToolHarness h(fastClient(maxInFlight));
    const std::int64_t id = h.addInstance("Bench PC", "direct", pc);
    pc.state().counters().reset();
    const double seconds = timedHierarchy(h, id, "mass");
    *requests = pc.state().counters().total();
    return seconds;
}

int benchParallel(int tenants, int maxInFlight) {
    header("(b) parallel vs one-request-at-a-time crawl, 100 ms emulator latency");
    std::int64_t parallelRequests = 0, defaultRequests = 0, sequentialRequests = 0;
    const double parallel = crawlWithLatency(tenants, maxInFlight, &parallelRequests);
    const double byDefault = crawlWithLatency(tenants, 4, &defaultRequests);
    const double sequential = crawlWithLatency(tenants, 1, &sequentialRequests);
    std::printf("  tenants=%d (same seed both sides); requests %lld / %lld / %lld\n", tenants,
                static_cast<long long>(parallelRequests), static_cast<long long>(defaultRequests),
                static_cast<long long>(sequentialRequests));
    std::printf("  parallel (maxInFlight %d) %.2f s; default maxInFlight 4 %.2f s; sequential "
                "(maxInFlight 1) %.2f s\n  speed-up %.2fx (goal >= 8); default %.2fx\n",
                maxInFlight, parallel, byDefault, sequential, sequential / parallel,
                sequential / byDefault);
    return 0;
}

// (c) + (d) ------------------------------------------------------------------------------------
int benchIncremental(int tenants) {
    header("(c) incremental refresh after 1% of the tenants changed; (d) save and audit");
    PartnerCenterEmulator pc(emulatorOptions(tenants, 11));
    pc.start();
    ToolHarness h(fastClient(16));
    const std::int64_t id = h.addInstance("Bench PC", "direct", pc);
    pc.state().counters().reset();
    PhaseTimes phases;
    const double full = timedHierarchy(h, id, "mass", nullptr, &phases);
    printPhases(phases, full);
    const std::int64_t fullRequests = pc.state().counters().total();
    printCounters(pc);

    std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // audit dates are by the second
    const auto picks = pc.state().withData([](const DataSet& data) {
        std::vector<std::pair<std::string, std::string>> chosen;
        for (const auto& customer : data.customers)
            if (!customer.left && !customer.subscriptions.empty())
                chosen.emplace_back(customer.id, customer.subscriptions.front().id);
        return chosen;
    });
    // 1% of the tenants, spread over the list, each with one subscription quantity change.
    const std::size_t changes = std::max(1, tenants / 100);
    for (std::size_t i = 0; i < changes; ++i) {
        mockhost::emulator::SubscriptionChange change;
        change.quantity = 500 + static_cast<int>(i);
        const auto& pick = picks[i * picks.size() / changes];
        pc.state().changeSubscription(pick.first, pick.second, change);
    }
    pc.state().counters().reset();
    JsonObject job;
    phases.clear();
    const double incremental = timedHierarchy(h, id, "incremental", &job, &phases);
    printPhases(phases, incremental);
    const std::int64_t incrementalRequests = pc.state().counters().total();
    printCounters(pc);
    std::printf("  tenants=%d subscriptions=%zu; full run %.2f s, %lld requests\n", tenants,
                subscriptionCount(pc), full, static_cast<long long>(fullRequests));
    std::printf("  incremental after %zu tenants changed: %.2f s, %lld requests, %d refetched; "
                "ratio %.4f = %.2f%% (goal <= 2%%)\n",
                changes, incremental, static_cast<long long>(incrementalRequests),
                job->getObject("result")->optValue<int>("tenantsRefetched", -1),
                static_cast<double>(incrementalRequests) / fullRequests,
                100.0 * incrementalRequests / fullRequests);

    // (d) The save of a mass run (audit + replaceAll) against a bare bulk insert of its rows.
    ict::storage::HierarchyRepository repository(h.database());
    const ict::storage::HierarchyKey key{h.root().organization.id, id};
    const ict::domain::Hierarchy saved = repository.load(key);
    ict::bench::BareHierarchyInsert bare(h.database(), saved);
    double bestTool = 1e9, bestBare = 1e9;
    std::size_t rows = 0;
    for (int round = 0; round < 3; ++round) {
        bare.prepareTables();
        auto start = Clock::now();
        rows = bare.insert(key.organizationId, key.instanceId);
        bestBare = std::min(bestBare, secondsSince(start));

        start = Clock::now();
        const ict::domain::BssAccountIndex index(
            ict::storage::BssAccountRepository(h.database()).customerAccounts(key.organizationId));
        ict::domain::Hierarchy audited = ict::domain::auditHierarchy(saved, index);
        repository.replaceAll(
            key, audited, {},
            {"bench-" + std::to_string(round), h.nowIso(), h.nowIso(), h.nowIso()});
        bestTool = std::min(bestTool, secondsSince(start));
    }
    std::printf("(d) save and audit of %zu rows (tenants + subscriptions), best of 3: tool %.3f s, "
                "bare prepared insert in one transaction %.3f s; ratio %.2f (goal <= 5)\n",
                rows, bestTool, bestBare, bestTool / bestBare);
    return 0;
}

// (e) ------------------------------------------------------------------------------------------
int benchImport(int tenants) {
    header("(e) import of every tenant and subscription, products mapped");
    PartnerCenterEmulator pc(emulatorOptions(tenants, 13));
    pc.start();
    ToolHarness h(fastClient(16));
    const std::int64_t id = h.addInstance("Bench PC", "direct", pc);
    timedHierarchy(h, id, "mass");
    mapSavedOffers(h, id);
    pc.state().counters().reset();
    const auto start = Clock::now();
    const JsonObject started =
        h.call("import", "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
    // The job reports phase "preparing" (selecting and auditing the tenants, reading the first
    // batch's billing profiles) then "importing" after each batch written (later profiles are
    // read meanwhile), then ends after refreshing the imported tenants' saved status.
    double firstBatch = -1, allWritten = -1;
    const JsonObject job =
        waitJob(h, started->getValue<std::string>("jobId"), [&](const JsonObject& status) {
            if (!status->has("progress") || status->isNull("progress"))
                return;
            const JsonObject progress = status->getObject("progress");
            if (!progress || progress->optValue<std::string>("phase", "") != "importing")
                return;
            if (firstBatch < 0)
                firstBatch = secondsSince(start);
            if (allWritten < 0 && progress->optValue<int>("tenantsDone", 0) ==
                                      progress->optValue<int>("tenantsTotal", -1))
                allWritten = secondsSince(start);
        });
    const double seconds = secondsSince(start);
    if (str(job, "state") != "succeeded") {
        std::ostringstream out;
        job->stringify(out);
        throw std::runtime_error("import ended: " + out.str());
    }
    printCounters(pc);
    const JsonObject summary = job->getObject("result")->getObject("summary");
    std::printf("  tenants=%d subscriptions=%zu; accounts created %d, subscriptions created %d, "
                "failed %d/%d\n",
                tenants, subscriptionCount(pc), summary->getValue<int>("accountsCreated"),
                summary->getValue<int>("subscriptionsCreated"),
                summary->getValue<int>("accountsFailed"),
                summary->getValue<int>("subscriptionsFailed"));
    std::printf("  import wall %.2f s (goal < %s s): first batch written at %.2f s, all tenants "
                "written at %.2f s (profiles read meanwhile), then %.2f s to the job's end\n",
                seconds, dbName() == "postgresql" ? "20" : "10", firstBatch, allWritten,
                seconds - allWritten);
    return 0;
}

// (f) ------------------------------------------------------------------------------------------
long peakRssKb() {
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// The emulator in a child process forked before any thread exists, so this process's peak RSS
/// is the host's and the tool's alone. The child writes its URL, CA path, partner tenant and
/// refresh token (one a line) and serves until the parent closes `stop`.
struct ForkedEmulator {
    pid_t pid = -1;
    int stop = -1;
    std::vector<std::string> facts;

    explicit ForkedEmulator(int tenants) {
        int up[2], down[2];
        if (::pipe(up) != 0 || ::pipe(down) != 0)
            throw std::runtime_error("pipe failed");
        pid = ::fork();
        if (pid == 0) {
            ::close(up[0]);
            ::close(down[1]);
            PartnerCenterEmulator pc(emulatorOptions(tenants, 17));
            pc.start();
            const std::string info = pc.baseUrl() + "\n" + pc.caCertificatePath() + "\n" +
                                     pc.partnerTenantId() + "\n" + pc.initialRefreshToken() + "\n";
            if (::write(up[1], info.data(), info.size()) < 0)
                ::_exit(3);
            ::close(up[1]);
            char c;
            while (::read(down[0], &c, 1) > 0) {
            }
            pc.stop();
            ::_exit(0);
        }
        ::close(up[1]);
        ::close(down[0]);
        stop = down[1];
        std::string text;
        char buffer[4096];
        ssize_t n;
        while ((n = ::read(up[0], buffer, sizeof buffer)) > 0)
            text.append(buffer, static_cast<std::size_t>(n));
        ::close(up[0]);
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            facts.push_back(line);
        if (facts.size() != 4)
            throw std::runtime_error("the emulator child did not start");
    }
    ~ForkedEmulator() {
        ::close(stop);
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
};

int benchMemory(int tenants) {
    header("(f) host peak memory during the run; tenant list page p95");
    ForkedEmulator pc(tenants); // before any thread of this process
    const long atStart = peakRssKb();
    ToolHarness h(fastClient(16));
    mockhost::InstanceRecord record;
    record.ownerOrganizationId = h.root().organization.id;
    record.name = "Bench PC";
    record.cspModel = "direct";
    record.partnerCenterUrl = pc.facts[0];
    record.loginUrl = pc.facts[0];
    record.caBundlePath = pc.facts[1];
    record.partnerTenantId = pc.facts[2];
    record.appId = ToolHarness::kAppId;
    record.appSecret = ToolHarness::kAppSecret;
    record.refreshToken = pc.facts[3];
    record.refreshTokenExpiresAtIso =
        mockhost::formatIso(h.clock().now() + std::chrono::hours(24 * 365));
    const std::int64_t id = h.addInstance(record);
    JsonObject job;
    const double seconds = timedHierarchy(h, id, "mass", &job);
    const long afterRun = peakRssKb();
    const JsonObject result = job->getObject("result");
    std::printf("  tenants=%d subscriptions=%d; mass run %.2f s\n",
                result->getValue<int>("tenants"), result->getValue<int>("subscriptions"), seconds);
    std::printf("  host peak RSS (ru_maxrss): %.1f MB after the run (%.1f MB before the harness)"
                " (goal < 150 MB)\n",
                afterRun / 1024.0, atStart / 1024.0);

    tenantPageLatency(h, id, tenants);
    std::printf("  host peak RSS at the end: %.1f MB\n", peakRssKb() / 1024.0);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string figure = argc > 1 ? argv[1] : "";
    auto arg = [&](int index, int fallback) {
        return argc > index ? std::stoi(argv[index]) : fallback;
    };
    try {
        if (figure == "rate")
            return benchRate(arg(2, 10000), arg(3, 20000));
        if (figure == "parallel")
            return benchParallel(arg(2, 300), arg(3, 16));
        if (figure == "incremental")
            return benchIncremental(arg(2, 10000));
        if (figure == "memory")
            return benchMemory(arg(2, 10000));
        if (figure == "import")
            return benchImport(arg(2, 10000));
        if (figure == "scale")
            return benchScale(arg(2, 100000), arg(3, 30000), arg(4, 10000));
        if (figure == "throttle-limit")
            return benchThrottleLimit(arg(2, 2000), arg(3, 300), arg(4, 1200), arg(5, 5));
        if (figure == "throttle-fifth")
            return benchThrottleFifth(arg(2, 2000), arg(3, 600000), arg(4, 5), arg(5, 1));
    } catch (const std::exception& e) {
        std::cerr << "ict_bench " << figure << ": " << e.what() << "\n";
        return 1;
    }
    std::cerr << "usage: ict_bench rate|parallel|incremental|import|memory|scale|throttle-limit|"
                 "throttle-fifth [tenants] [...]\n";
    return 2;
}
