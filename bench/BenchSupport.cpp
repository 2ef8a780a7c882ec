#include "BenchSupport.h"

#include "catalog/ProductCatalog.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

namespace ict::bench {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string str(const JsonObject& object, const std::string& field) {
    return object->isNull(field) ? std::string() : object->getValue<std::string>(field);
}

std::string dbName() {
    const char* db = std::getenv("ICT_TEST_DB");
    return db && *db ? db : "sqlite";
}

void header(const std::string& figure) {
    std::cout << "== " << figure << " on " << dbName() << "\n";
}

mockhost::emulator::EmulatorOptions emulatorOptions(int tenants, std::uint64_t seed) {
    mockhost::emulator::EmulatorOptions options;
    options.certDirectory = std::string(ICT_BINARY_DIR) + "/bench-certs";
    Poco::File(options.certDirectory).createDirectories();
    options.data.seed = seed;
    options.data.tenantCount = tenants;
    options.data.model = mockhost::emulator::SalesModel::Direct;
    options.data.maxSubscriptionsPerTenant = 10;
    options.faults.rateLimitPerMinute = 0;
    options.clientId = ToolHarness::kAppId;
    options.clientSecret = ToolHarness::kAppSecret;
    options.threads = 32;
    options.queueSize = 512;
    return options;
}

std::vector<std::string> emulatorFlags(int tenants, std::uint64_t seed) {
    return {"--tenants",           std::to_string(tenants), "--seed", std::to_string(seed),
            "--model",             "direct",                "--max-subscriptions",
            "10",                  "--rate-limit",          "0",
            "--threads",           "32"};
}

std::map<std::string, std::string> fastClient(int maxInFlight) {
    return {{"ICT_PC_REQUESTS_PER_MINUTE", "6000000"},
            {"ICT_PC_MAX_IN_FLIGHT", std::to_string(maxInFlight)}};
}

std::map<std::string, std::string> defaultClient(int perMinute) {
    return {{"ICT_PC_REQUESTS_PER_MINUTE", std::to_string(perMinute)},
            {"ICT_PC_MAX_IN_FLIGHT", "4"},
            {"ICT_PC_BACKOFF_MS", "500"},
            {"ICT_PC_MAX_ATTEMPTS", "5"},
            {"ICT_PC_TIMEOUT_MS", "60000"},
            {"ICT_PC_RETRY_AFTER_MAX_MS", "300000"}};
}

JsonObject waitJob(ToolHarness& h, const std::string& jobId,
                   const std::function<void(const JsonObject&)>& onStatus) {
    while (true) {
        JsonObject status = h.jobStatus(h.root(), jobId);
        if (onStatus)
            onStatus(status);
        const std::string state = str(status, "state");
        if (state != "queued" && state != "running")
            return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void printPhases(const PhaseTimes& phases, double total) {
    std::cout << "  phases (first seen at):";
    for (const auto& [phase, at] : phases)
        std::printf(" %s=%.2fs", phase.c_str(), at);
    std::printf(" end=%.2fs\n", total);
}

double timedHierarchy(ToolHarness& h, std::int64_t instanceId, const std::string& mode,
                      JsonObject* final, PhaseTimes* phases) {
    const auto start = Clock::now();
    const std::string body =
        "{\"instanceId\":" + std::to_string(instanceId) + ",\"mode\":\"" + mode + "\"}";
    const JsonObject job = waitJob(h, h.startHierarchy(h.root(), body), [&](const JsonObject& s) {
        if (!phases || !s->has("progress") || s->isNull("progress"))
            return;
        const JsonObject progress = s->getObject("progress");
        const std::string phase = progress ? progress->optValue<std::string>("phase", "") : "";
        if (!phase.empty() && !phases->count(phase))
            (*phases)[phase] = secondsSince(start);
    });
    const double seconds = secondsSince(start);
    if (str(job, "state") != "succeeded") {
        std::ostringstream out;
        job->stringify(out);
        throw std::runtime_error("Get Hierarchy " + mode + " ended: " + out.str());
    }
    if (final)
        *final = job;
    return seconds;
}

ImportRun timedImport(ToolHarness& h, std::int64_t instanceId) {
    ImportRun run;
    const auto start = Clock::now();
    const JsonObject started =
        h.call("import", "{\"instanceId\":" + std::to_string(instanceId) + ",\"all\":true}");
    const JsonObject job = waitJob(h, str(started, "jobId"), [&](const JsonObject& status) {
        if (run.firstBatch >= 0 || !status->has("progress") || status->isNull("progress"))
            return;
        const JsonObject progress = status->getObject("progress");
        if (progress && progress->optValue<std::string>("phase", "") == "importing")
            run.firstBatch = secondsSince(start);
    });
    run.seconds = secondsSince(start);
    if (str(job, "state") != "succeeded") {
        std::ostringstream out;
        job->stringify(out);
        throw std::runtime_error("import ended: " + out.str());
    }
    run.runId = str(started, "runId");
    run.summary = job->getObject("result")->getObject("summary");
    return run;
}

void mapSavedOffers(ToolHarness& h, std::int64_t instanceId) {
    Poco::Data::Session session = h.database().session();
    using namespace Poco::Data::Keywords;
    Poco::Int64 org = h.root().organization.id, instance = instanceId;
    Poco::Data::Statement select(session);
    select << storage::forDialect(h.dialect(),
                                  "SELECT DISTINCT s.offer_id, s.billing_cycle, s.term_duration"
                                  " FROM ict_subscriptions s JOIN ict_instance_state i ON"
                                  " i.snapshot_id = s.snapshot_id WHERE i.organization_id = ? AND"
                                  " i.instance_id = ? ORDER BY 1, 2, 3"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    std::map<std::string, std::set<std::pair<std::string, std::string>>> byOffer;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        byOffer[rows.value(0, r).convert<std::string>()].insert(
            {rows.value(1, r).convert<std::string>(), rows.value(2, r).convert<std::string>()});
    mockhost::ProductCatalog catalog(h.database());
    int n = 0;
    for (const auto& [offer, plans] : byOffer) {
        mockhost::ProductRecord product;
        product.organizationId = h.root().organization.id;
        product.name = "Bench product " + std::to_string(++n);
        product.sku = "BENCH-" + std::to_string(n);
        product.offerIds = {offer};
        for (const auto& [cycle, term] : plans)
            product.plans.push_back({cycle, term, 1000, "EUR"});
        catalog.add(product);
    }
}

PageLatency tenantPageLatency(ToolHarness& h, std::int64_t instanceId, int tenants) {
    const std::string instance = "\"instanceId\":" + std::to_string(instanceId);
    // Each request with a label, so the slowest kinds can be named: the p95 of 190 calls is
    // set by the ~10 slowest, i.e. by two or three kinds of request.
    std::vector<std::pair<std::string, std::string>> requests;
    for (const char* sort : {"name", "domain", "tenantId", "status", "subscriptions"})
        for (const char* descending : {"false", "true"})
            for (int offset : {0, tenants / 2, tenants - 50})
                requests.emplace_back(std::string(sort) +
                                          (descending[0] == 't' ? " desc" : " asc") + " @" +
                                          std::to_string(offset),
                                      "{" + instance + ",\"limit\":50,\"sort\":\"" + sort +
                                          "\",\"descending\":" + descending +
                                          ",\"offset\":" + std::to_string(offset) + "}");
    for (const char* filter :
         {"\"name\":\"a\"", "\"name\":\"contoso\"", "\"domain\":\"on\"", "\"status\":\"unsynced\"",
          "\"importableOnly\":true", "\"type\":\"direct\"", "\"subscriptionType\":\"nce\"",
          "\"tenantId\":\"0\""})
        requests.emplace_back(filter, "{" + instance + ",\"limit\":50," + filter + "}");
    std::vector<double> ms;
    std::map<std::string, std::vector<double>> byKind;
    for (int round = 0; round < 5; ++round)
        for (const auto& [kind, request] : requests) {
            const auto start = Clock::now();
            h.call("tenants", request);
            ms.push_back(1000.0 * secondsSince(start));
            byKind[kind].push_back(ms.back());
        }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[static_cast<std::size_t>(p * (ms.size() - 1))]; };
    PageLatency latency{pct(0.5), pct(0.95), ms.back(), ms.size()};
    std::printf("  tenants page (50 rows, %zu sorts/filters/offsets x 5 = %zu calls): p50 %.1f ms, "
                "p95 %.1f ms, max %.1f ms (goal p95 < 30 ms)\n",
                requests.size(), ms.size(), latency.p50, latency.p95, latency.max);
    // Per kind: the median of its 5 calls and its slowest, sorted by the slowest, so both a
    // steadily slow kind and a one-off (a cold plan) are named.
    std::vector<std::pair<double, std::string>> slowest;
    for (auto& [kind, times] : byKind) {
        std::sort(times.begin(), times.end());
        slowest.emplace_back(times.back(), kind);
    }
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("  slowest request kinds (median / max of 5 calls):");
    for (std::size_t i = 0; i < std::min<std::size_t>(8, slowest.size()); ++i) {
        const std::vector<double>& times = byKind[slowest[i].second];
        std::printf("%s %s %.1f/%.1f ms", i % 2 ? "," : "\n   ", slowest[i].second.c_str(),
                    times[times.size() / 2], times.back());
    }
    std::printf("\n");
    return latency;
}

} // namespace ict::bench
