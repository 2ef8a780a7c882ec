#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/FaultedClient.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// The client's throttle controller against the emulator's throttling faults over TLS: the
// every-Nth 429 (per partner+customer throttling) and a storm of 429s from several workers.
class ClientThrottleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientThrottleTest);
    CPPUNIT_TEST(everyNthFaultThrottlesExactlyThoseRequests);
    CPPUNIT_TEST(parallelCallsThroughEveryFifthAllComplete);
    CPPUNIT_TEST(stormOfThrottlesPausesOnceAndLowersOnce);
    CPPUNIT_TEST(serverErrorsLeaveTheRateAlone);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<FaultedClient> _faulted;
    CapturingLogger _logger;
    PartnerCenterClient* _client = nullptr;
    RequestContext _context{"ffffffff-2222-4333-8444-666666666666", {}};
    std::vector<std::string> _customers;

    void start(const std::function<void(emu::FaultSettings&)>& faults,
               const std::function<void(ClientOptions&)>& tune = {}) {
        _faulted = std::make_unique<FaultedClient>(_logger, _context, faults, tune);
        _client = &_faulted->client();
        _customers = _faulted->emulator().state().withData([](const emu::DataSet& data) {
            std::vector<std::string> ids;
            for (const auto& customer : data.customers)
                ids.push_back(customer.id);
            return ids;
        });
    }
    std::int64_t count(const std::string& endpoint) { return _faulted->count(endpoint); }
    ThrottleController::Counters throttle() { return _client->http().throttle().counters(); }

public:
    void tearDown() override { _faulted.reset(); }

    void everyNthFaultThrottlesExactlyThoseRequests() {
        start(
            [](emu::FaultSettings& f) {
                f.throttleEveryNth = 3;
                f.throttleEveryNthRetryAfterSeconds = 1;
            },
            [](ClientOptions& o) { o.retryAfterMax = std::chrono::milliseconds(50); });
        for (int i = 0; i < 20; ++i) {
            const std::string& id = _customers[static_cast<std::size_t>(i) % _customers.size()];
            CPPUNIT_ASSERT_EQUAL(id, _client->customer(_context, id).tenantId);
        }
        // One call at a time: requests 3, 6, 9, ... were refused, each retried once.
        const std::int64_t requests = count("customers.get");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(20) + count("throttled"), requests);
        CPPUNIT_ASSERT_EQUAL(requests / 3, count("throttled"));
        CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(count("throttled")),
                             _logger.count("-> HTTP 429"));
        CPPUNIT_ASSERT_EQUAL(count("throttled"), throttle().throttled);
        // The customer list is no customer resource.
        CPPUNIT_ASSERT_EQUAL(std::size_t(20), _client->customers(_context).size());
        CPPUNIT_ASSERT_EQUAL(requests / 3, count("throttled"));
    }

    void parallelCallsThroughEveryFifthAllComplete() {
        start(
            [](emu::FaultSettings& f) {
                f.throttleEveryNth = 5;
                f.throttleEveryNthRetryAfterSeconds = 1;
            },
            [](ClientOptions& o) {
                o.maxAttempts = 8;
                o.maxInFlight = 4;
                o.retryAfterMax = std::chrono::milliseconds(100);
            });
        std::atomic<int> done{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < 8; ++w)
            workers.emplace_back([&, w] {
                for (int i = 0; i < 10; ++i) {
                    const auto& id =
                        _customers[static_cast<std::size_t>(w * 10 + i) % _customers.size()];
                    _client->subscriptions(_context, id);
                    ++done;
                }
            });
        for (auto& worker : workers)
            worker.join();
        CPPUNIT_ASSERT_EQUAL(80, done.load());
        const auto counters = throttle();
        CPPUNIT_ASSERT_EQUAL(count("subscriptions.list") / 5, count("throttled"));
        CPPUNIT_ASSERT_EQUAL(count("throttled"), counters.throttled);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.pauses); // one episode
        CPPUNIT_ASSERT(counters.decreases >= 1);
        CPPUNIT_ASSERT(counters.ratePerMinute > 0);
    }

    void stormOfThrottlesPausesOnceAndLowersOnce() {
        // Every customer call refused, 200 ms late, so the eight workers' requests are all on
        // the wire before the first 429 comes back.
        start([](emu::FaultSettings& f) {
            f.throttleEveryNth = 1;
            f.throttleEveryNthRetryAfterSeconds = 1;
            f.latencyMs = 200;
        });
        std::atomic<int> done{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < 8; ++w)
            workers.emplace_back([&, w] {
                const auto& id = _customers[static_cast<std::size_t>(w)];
                if (_client->customer(_context, id).tenantId == id)
                    ++done;
            });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (count("throttled") < 8 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // The storm is over before the pause (Retry-After 1 s) ends: the retries succeed.
        emu::FaultSettings calm = _faulted->emulator().state().faults();
        calm.throttleEveryNth = 0;
        calm.latencyMs = 0;
        _faulted->emulator().state().setFaults(calm);
        for (auto& worker : workers)
            worker.join();
        CPPUNIT_ASSERT_EQUAL(8, done.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), count("throttled"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(16), count("customers.get"));
        const auto counters = throttle();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), counters.throttled);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.pauses);
        // All eight were sent before the decrease: it happened once.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.decreases);
        CPPUNIT_ASSERT_EQUAL(std::size_t(8), _logger.count("retrying in 1000 ms"));
    }

    void serverErrorsLeaveTheRateAlone() {
        start([](emu::FaultSettings& f) { f.serverErrorRate = 0.3; },
              [](ClientOptions& o) {
                  o.maxAttempts = 8;
                  o.requestsPerMinute = 60000;
              });
        for (int i = 0; i < 30; ++i)
            _client->customer(_context,
                              _customers[static_cast<std::size_t>(i) % _customers.size()]);
        CPPUNIT_ASSERT(count("faults") > 0);
        const auto counters = throttle();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counters.decreases);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counters.pauses);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(60000.0, counters.ratePerMinute, 1e-6);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientThrottleTest);
