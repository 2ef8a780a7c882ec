#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cppunit/extensions/HelperMacros.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// What the Get Hierarchy job does, at scale: stream 2,000 tenants page by page and fetch each
// one's subscriptions on worker threads, with faults switched on.
class ClientCrawlTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientCrawlTest);
    CPPUNIT_TEST(crawlWithFaultsReturnsEveryTenant);
    CPPUNIT_TEST_SUITE_END();

    struct Outcome {
        std::optional<std::size_t> subscriptionCount;
        std::optional<GatewayErrorKind> error;
    };

public:
    void crawlWithFaultsReturnsEveryTenant() {
        EmulatorHarness emulator([](emu::EmulatorOptions& o) {
            o.data.seed = 2026;
            o.data.tenantCount = 2000;
            o.threads = 8;
        });
        emu::FaultSettings faults;
        faults.seed = 99;
        faults.rateLimitPerMinute = 0;
        faults.serverErrorRate = 0.03;
        faults.cutConnectionRate = 0.01;
        faults.malformedRate = 0.01;
        faults.truncatedRate = 0.01;
        faults.timeoutRate = 0.002;
        faults.timeoutHangMs = 1000;
        emulator.state().setFaults(faults);

        const auto expected = emulator.state().withData([](const emu::DataSet& data) {
            std::map<std::string, std::size_t> counts;
            for (const auto& customer : data.customers)
                counts[customer.id] = customer.subscriptions.size();
            return counts;
        });
        CPPUNIT_ASSERT_EQUAL(std::size_t(2000), expected.size());

        MemoryTokenStore store(emulator.credentials());
        CapturingLogger logger;
        ClientOptions options = EmulatorHarness::fastOptions();
        options.maxAttempts = 6;
        options.ioTimeout = std::chrono::milliseconds(300);
        options.pageSize = 100;
        PartnerCenterClient client(emulator.credentials(), store, logger, options);
        const RequestContext context{"cccccccc-2222-4333-8444-555555555555", {}};

        std::mutex mutex;
        std::condition_variable ready;
        std::deque<std::string> queue;
        bool listed = false;
        std::map<std::string, Outcome> outcomes;
        std::vector<std::string> leaving;
        std::vector<std::thread> workers;
        for (int i = 0; i < 4; ++i)
            workers.emplace_back([&] {
                for (;;) {
                    std::string id;
                    {
                        std::unique_lock<std::mutex> lock(mutex);
                        ready.wait(lock, [&] { return !queue.empty() || listed; });
                        if (queue.empty())
                            return;
                        id = queue.front();
                        queue.pop_front();
                    }
                    Outcome outcome;
                    try {
                        outcome.subscriptionCount = client.subscriptions(context, id).size();
                    } catch (const GatewayError& e) {
                        outcome.error = e.kind();
                    }
                    std::lock_guard<std::mutex> lock(mutex);
                    outcomes[id] = outcome;
                }
            });
        std::size_t pages = 0;
        client.forEachCustomerPage(context, [&](const std::vector<ict::domain::Customer>& page) {
            // Two customers leave between the listing and the fetch (on the last page: the
            // emulator pages by offset, so leaving earlier would shift later pages).
            if (++pages == 20)
                for (std::size_t i : {std::size_t(3), std::size_t(40)}) {
                    emulator.state().markCustomerLeft(page[i].tenantId);
                    leaving.push_back(page[i].tenantId);
                }
            std::lock_guard<std::mutex> lock(mutex);
            for (const auto& customer : page)
                queue.push_back(customer.tenantId);
            ready.notify_all();
        });
        {
            std::lock_guard<std::mutex> lock(mutex);
            listed = true;
        }
        ready.notify_all();
        for (auto& worker : workers)
            worker.join();

        CPPUNIT_ASSERT_EQUAL(std::size_t(20), pages);
        CPPUNIT_ASSERT_EQUAL(expected.size(), outcomes.size());
        std::size_t succeeded = 0;
        for (const auto& [id, count] : expected) {
            const auto found = outcomes.find(id);
            CPPUNIT_ASSERT_MESSAGE("not crawled: " + id, found != outcomes.end());
            const Outcome& outcome = found->second;
            CPPUNIT_ASSERT(outcome.subscriptionCount.has_value() != outcome.error.has_value());
            if (std::count(leaving.begin(), leaving.end(), id)) {
                CPPUNIT_ASSERT(outcome.error == GatewayErrorKind::CustomerLeft);
            } else if (outcome.subscriptionCount) {
                CPPUNIT_ASSERT_EQUAL(count, *outcome.subscriptionCount);
                ++succeeded;
            }
        }
        // Faults at these rates almost never exhaust six attempts.
        CPPUNIT_ASSERT(succeeded >= expected.size() - 5);

        // No fetch repeated except retries: server-side requests = calls + logged retries.
        const auto retriesOf = [&](const std::string& path) {
            std::int64_t n = 0;
            for (const auto& line : logger.lines())
                if (line.find(path) != std::string::npos &&
                    (line.find("retrying in") != std::string::npos ||
                     line.find("fetching again") != std::string::npos))
                    ++n;
            return n;
        };
        const std::int64_t subscriptionRetries = retriesOf("/subscriptions ");
        const std::int64_t listRetries = retriesOf("GET /v1/customers?size=");
        CPPUNIT_ASSERT(subscriptionRetries > 20); // the faults really happened
        CPPUNIT_ASSERT_EQUAL(std::int64_t(expected.size()) + subscriptionRetries,
                             emulator.state().counters().count("subscriptions.list"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(pages) + listRetries,
                             emulator.state().counters().count("customers.list"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), emulator.state().counters().count("token"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientCrawlTest);
