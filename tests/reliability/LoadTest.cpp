// Load: 20 clients at once browse and filter the saved hierarchy over the host's HTTP API (each
// logged in with its own session) while an import of the same instance runs. Every answer must
// be 200 with a consistent page; the latency percentiles are printed (README "Reliability").
#include "support/HttpClient.h"
#include "support/LiveHost.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <atomic>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

using namespace ict::reliability::test;

namespace {

constexpr int kTenants = 700;
constexpr int kClients = 20;
constexpr int kMinRequestsPerClient = 40;
constexpr int kMaxRequestsPerClient = 400;

double percentile(std::vector<double> sorted, double p) {
    const std::size_t index =
        std::min(sorted.size() - 1, static_cast<std::size_t>(p / 100.0 * sorted.size()));
    return sorted[index];
}

} // namespace

class LoadTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LoadTest);
    CPPUNIT_TEST(twentyClientsBrowseAndFilterWhileAnImportRuns);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
        ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "10000000", 1);
        ::setenv("ICT_PC_MAX_ATTEMPTS", "3", 1);
        ::setenv("ICT_PC_TIMEOUT_MS", "5000", 1);
        LiveHostOptions options;
        options.tenants = kTenants;
        options.seed = 404;
        _live = std::make_unique<LiveHost>(options);
    }
    void tearDown() override { _live.reset(); }

    void twentyClientsBrowseAndFilterWhileAnImportRuns() {
        const std::string instance =
            std::to_string(_live->instanceId(mockhost::kDemoDirectInstance));
        const JsonObject hierarchy = _live->waitJob(
            "admin@root", text(_live->call("admin@root", "get-hierarchy",
                                           "{\"instanceId\":" + instance + ",\"mode\":\"mass\"}"),
                               "jobId"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), text(hierarchy, "state"));
        const int total = hierarchy->getObject("result")->getValue<int>("tenants");
        // Some latency on billing-profile reads keeps the import running during the browsing.
        auto faults = _live->direct().state().faults();
        faults.latencyMs = 2;
        _live->direct().state().setFaults(faults);

        std::vector<std::unique_ptr<HttpClient>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<HttpClient>(_live->port()));
            CPPUNIT_ASSERT_EQUAL(
                200, clients.back()->login("admin@root", mockhost::kDemoPassword).status);
        }
        const JsonObject started =
            _live->call("admin@root", "import", "{\"instanceId\":" + instance + ",\"all\":true}");
        const std::string jobId = text(started, "jobId");

        std::atomic<bool> importDone{false};
        std::mutex mutex;
        std::vector<double> latencies;
        std::vector<std::string> errors;
        std::atomic<int> duringImport{0};
        const std::vector<std::string> sorts = {"name", "domain", "tenantId", "status",
                                                "subscriptions"};
        const std::vector<std::string> names = {"a", "co", "lab", "tech", "x"};
        std::vector<std::thread> threads;
        for (int c = 0; c < kClients; ++c) {
            threads.emplace_back([&, c] {
                std::mt19937 random(static_cast<unsigned>(1000 + c));
                std::vector<double> mine;
                for (int n = 0;
                     n < kMinRequestsPerClient || (!importDone && n < kMaxRequestsPerClient); ++n) {
                    std::string body = "{\"instanceId\":" + instance +
                                       ",\"limit\":" + std::to_string(25 + random() % 76) +
                                       ",\"offset\":" + std::to_string(random() % total) +
                                       ",\"sort\":\"" + sorts[random() % sorts.size()] +
                                       "\",\"descending\":" + (random() % 2 ? "true" : "false");
                    switch (random() % 4) {
                    case 0:
                        body += ",\"name\":\"" + names[random() % names.size()] + "\"";
                        break;
                    case 1:
                        body += ",\"status\":\"unsynced\"";
                        break;
                    case 2:
                        body += ",\"importableOnly\":true";
                        break;
                    default:
                        break;
                    }
                    body += "}";
                    const bool running = !importDone;
                    const auto begin = std::chrono::steady_clock::now();
                    HttpAnswer answer;
                    std::string problem;
                    try {
                        answer = clients[static_cast<std::size_t>(c)]->action("tenants", body);
                        if (answer.status != 200)
                            problem = std::to_string(answer.status) + " " + answer.body;
                        else if (!parseJson(answer.body)->has("rows"))
                            problem = "no rows: " + answer.body;
                    } catch (const std::exception& e) {
                        problem = e.what();
                    }
                    mine.push_back(std::chrono::duration<double, std::milli>(
                                       std::chrono::steady_clock::now() - begin)
                                       .count());
                    if (running && !importDone)
                        ++duringImport;
                    if (!problem.empty()) {
                        std::lock_guard<std::mutex> lock(mutex);
                        errors.push_back(body + " -> " + problem);
                    }
                }
                std::lock_guard<std::mutex> lock(mutex);
                latencies.insert(latencies.end(), mine.begin(), mine.end());
            });
        }
        const JsonObject imported = _live->waitJob("admin@root", jobId);
        importDone = true;
        for (auto& thread : threads)
            thread.join();

        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(imported, "error"), std::string("succeeded"),
                                     text(imported, "state"));
        CPPUNIT_ASSERT_MESSAGE(errors.empty() ? "" : errors.front(), errors.empty());
        CPPUNIT_ASSERT(latencies.size() >= std::size_t(kClients * kMinRequestsPerClient));
        // Most of the browsing overlapped the import, or the test proved nothing.
        CPPUNIT_ASSERT_MESSAGE(std::to_string(duringImport), duringImport >= kClients * 10);
        std::sort(latencies.begin(), latencies.end());
        std::cerr << std::fixed << std::setprecision(1) << "\n  load: " << kClients << " clients, "
                  << latencies.size() << " tenant pages (" << duringImport
                  << " during the import of " << total << " tenants), latency ms p50 "
                  << percentile(latencies, 50) << " p90 " << percentile(latencies, 90) << " p95 "
                  << percentile(latencies, 95) << " p99 " << percentile(latencies, 99) << " max "
                  << latencies.back() << "\n";
    }

private:
    std::unique_ptr<LiveHost> _live;
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoadTest);
