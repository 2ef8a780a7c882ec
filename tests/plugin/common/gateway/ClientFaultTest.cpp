#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/FaultedClient.h"

#include <cppunit/extensions/HelperMacros.h>

#include <regex>
#include <set>
#include <thread>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// Throttling, server errors, timeouts, cut connections and garbled bodies: retried to a bound,
// then the typed error naming the call.
class ClientFaultTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientFaultTest);
    CPPUNIT_TEST(throttledWithRetryAfterGatewayBody);
    CPPUNIT_TEST(throttledWithRetryAfterPartnerBody);
    CPPUNIT_TEST(throttledExhausted);
    CPPUNIT_TEST(serverErrorsRetriedWithSameRequestId);
    CPPUNIT_TEST(serverErrorsExhausted);
    CPPUNIT_TEST(timeoutsExhausted);
    CPPUNIT_TEST(cutConnectionsRetried);
    CPPUNIT_TEST(cutConnectionsExhausted);
    CPPUNIT_TEST(garbledBodiesFetchedAgain);
    CPPUNIT_TEST(garbledBodiesExhaustedAreMalformed);
    CPPUNIT_TEST(cancelledDuringBackoff);
    CPPUNIT_TEST(inFlightBounded);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<FaultedClient> _faulted;
    CapturingLogger _logger;
    PartnerCenterClient* _client = nullptr;
    EmulatorHarness* _emulator = nullptr;
    RequestContext _context{"ffffffff-2222-4333-8444-555555555555", {}};
    std::string _customerId;

    void start(const std::function<void(emu::FaultSettings&)>& faults,
               const std::function<void(ClientOptions&)>& tune = {}) {
        _faulted = std::make_unique<FaultedClient>(_logger, _context, faults, tune);
        _client = &_faulted->client();
        _emulator = &_faulted->emulator();
        _customerId = _emulator->state().withData([](const emu::DataSet& data) {
            for (const auto& customer : data.customers)
                if (!customer.subscriptions.empty())
                    return customer.id;
            throw std::runtime_error("no customer with subscriptions in the data set");
        });
    }
    std::int64_t count(const std::string& endpoint) { return _faulted->count(endpoint); }

    void throttledWithRetryAfter(emu::ThrottleBody body) {
        start([&](emu::FaultSettings& f) {
            f.rateLimitPerMinute = 30; // burst of 30, then one every 2 s: Retry-After 1..2
            f.throttleBody = body;
        });
        const double configured = _client->http().throttle().currentRequestsPerMinute();
        const auto started = std::chrono::steady_clock::now();
        while (count("throttled") == 0)
            _client->customer(_context, _customerId);
        const auto elapsed = std::chrono::steady_clock::now() - started;
        const auto throttle = _client->http().throttle().counters();
        CPPUNIT_ASSERT(throttle.ratePerMinute < configured);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), throttle.pauses);
        CPPUNIT_ASSERT_EQUAL(count("throttled"), throttle.throttled);
        CPPUNIT_ASSERT(_logger.count("-> HTTP 429") >= 1);
        // The client waited what the server asked (at least 1 s), not its 5 ms backoff.
        CPPUNIT_ASSERT(elapsed >= std::chrono::milliseconds(900));
        CPPUNIT_ASSERT(
            _logger.count("retrying in 1000 ms") + _logger.count("retrying in 2000 ms") >= 1);
    }

public:
    void tearDown() override { _faulted.reset(); }

    void throttledWithRetryAfterGatewayBody() {
        throttledWithRetryAfter(emu::ThrottleBody::Gateway);
    }
    void throttledWithRetryAfterPartnerBody() {
        throttledWithRetryAfter(emu::ThrottleBody::PartnerFd);
    }

    void throttledExhausted() {
        start([](emu::FaultSettings& f) { f.rateLimitPerMinute = 1; },
              [](ClientOptions& o) {
                  o.maxAttempts = 3;
                  o.retryAfterMax = std::chrono::milliseconds(20);
              });
        const auto error = expectError([&] {
            for (int i = 0; i < 3; ++i)
                _client->subscriptions(_context, _customerId);
        });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::ThrottledExhausted);
        CPPUNIT_ASSERT_EQUAL(
            std::string("GET /v1/customers/{id}/subscriptions failed after 3 attempts: HTTP 429"),
            std::string(error.what()));
    }

    void serverErrorsRetriedWithSameRequestId() {
        start([](emu::FaultSettings& f) { f.serverErrorRate = 0.3; },
              [](ClientOptions& o) { o.maxAttempts = 8; });
        for (int i = 0; i < 20; ++i)
            CPPUNIT_ASSERT_EQUAL(_customerId, _client->customer(_context, _customerId).tenantId);
        CPPUNIT_ASSERT(count("customers.get") > 20);
        // Each retry line carries the id of its call; every call's lines share one id.
        std::map<std::string, int> idsOfRetries;
        std::set<std::string> allIds;
        const std::regex id("MS-RequestId=([0-9a-f-]{36})");
        for (const auto& line : _logger.lines()) {
            std::smatch match;
            CPPUNIT_ASSERT_MESSAGE(line, std::regex_search(line, match, id));
            if (line.find("GET /v1/customers/") == std::string::npos)
                continue;
            allIds.insert(match[1]);
            if (line.find("retrying") != std::string::npos)
                ++idsOfRetries[match[1]];
        }
        CPPUNIT_ASSERT(!idsOfRetries.empty());
        std::int64_t retries = 0;
        for (const auto& [requestId, n] : idsOfRetries)
            retries += n;
        // Requests seen by the server = 20 calls + their retries, and 20 calls = 20 ids.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(20) + retries, count("customers.get"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(20), allIds.size());
    }

    void serverErrorsExhausted() {
        start([](emu::FaultSettings& f) { f.serverErrorRate = 1.0; });
        const auto error = expectError([&] { _client->subscriptions(_context, _customerId); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::TransientExhausted);
        const std::regex text("GET /v1/customers/\\{id\\}/subscriptions failed after 4 attempts: "
                              "HTTP 50[023]");
        CPPUNIT_ASSERT_MESSAGE(error.what(), std::regex_match(std::string(error.what()), text));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), count("subscriptions.list"));
    }

    void timeoutsExhausted() {
        start(
            [](emu::FaultSettings& f) {
                f.timeoutRate = 1.0;
                f.timeoutHangMs = 1500;
            },
            [](ClientOptions& o) {
                o.maxAttempts = 2;
                o.ioTimeout = std::chrono::milliseconds(250);
            });
        const auto error = expectError([&] { _client->customer(_context, _customerId); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::TransientExhausted);
        CPPUNIT_ASSERT_EQUAL(std::string("GET /v1/customers/{id} failed after 2 attempts: timeout"),
                             std::string(error.what()));
    }

    void cutConnectionsRetried() {
        start([](emu::FaultSettings& f) { f.cutConnectionRate = 0.3; },
              [](ClientOptions& o) { o.maxAttempts = 8; });
        for (int i = 0; i < 15; ++i)
            CPPUNIT_ASSERT_EQUAL(std::size_t(20), _client->customers(_context).size());
        CPPUNIT_ASSERT(count("customers.list") > 15);
    }

    void cutConnectionsExhausted() {
        start([](emu::FaultSettings& f) { f.cutConnectionRate = 1.0; });
        const auto error = expectError([&] { _client->billingProfile(_context, _customerId); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::TransientExhausted);
        CPPUNIT_ASSERT_MESSAGE(error.what(),
                               std::string(error.what())
                                       .find("GET /v1/customers/{id}/profiles/billing failed after "
                                             "4 attempts: ") == 0);
    }

    void garbledBodiesFetchedAgain() {
        start(
            [](emu::FaultSettings& f) {
                f.malformedRate = 0.2;
                f.truncatedRate = 0.2;
            },
            [](ClientOptions& o) { o.maxAttempts = 8; });
        for (int i = 0; i < 15; ++i)
            CPPUNIT_ASSERT(!_client->subscriptions(_context, _customerId).empty());
        CPPUNIT_ASSERT(count("subscriptions.list") > 15);
        CPPUNIT_ASSERT(_logger.count("unreadable answer") >= 1);
    }

    void garbledBodiesExhaustedAreMalformed() {
        start([](emu::FaultSettings& f) { f.truncatedRate = 1.0; });
        const auto error = expectError([&] { _client->subscriptions(_context, _customerId); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        CPPUNIT_ASSERT_EQUAL(std::string("GET /v1/customers/{id}/subscriptions"), error.call());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), count("subscriptions.list"));
    }

    void cancelledDuringBackoff() {
        start([](emu::FaultSettings& f) { f.serverErrorRate = 1.0; },
              [](ClientOptions& o) {
                  o.maxAttempts = 50;
                  o.backoffBase = std::chrono::milliseconds(200);
              });
        std::atomic<bool> stop{false};
        RequestContext context{"c", [&] { return stop.load(); }};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            stop = true;
        });
        const auto started = std::chrono::steady_clock::now();
        const auto error = expectError([&] { _client->customer(context, _customerId); });
        canceller.join();
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::Cancelled);
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
        CPPUNIT_ASSERT(count("customers.get") < 10);
    }

    void inFlightBounded() {
        start([](emu::FaultSettings& f) { f.latencyMs = 30; },
              [](ClientOptions& o) { o.maxInFlight = 3; });
        std::vector<std::thread> threads;
        for (int i = 0; i < 10; ++i)
            threads.emplace_back([&] { _client->customer(_context, _customerId); });
        for (auto& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(3, _client->http().inFlight().highWater());
        CPPUNIT_ASSERT(_client->http().sessionsCreated("127.0.0.1", _emulator->port()) <= 3);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientFaultTest);
