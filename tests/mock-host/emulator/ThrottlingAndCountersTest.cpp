#include "mock-host/emulator/EmulatorTestSupport.h"

#include <Poco/NumberParser.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace emulatortest;
using mockhost::emulator::ThrottleBody;

class ThrottlingAndCountersTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ThrottlingAndCountersTest);
    CPPUNIT_TEST(answers429WithRetryAfterOnceTheBucketIsEmpty);
    CPPUNIT_TEST(throttleBodyCanUseThePartnerErrorShape);
    CPPUNIT_TEST(countsRequestsPerEndpointAndResets);
    CPPUNIT_TEST(echoesRequestAndCorrelationIds);
    CPPUNIT_TEST(servesParallelClients);
    CPPUNIT_TEST_SUITE_END();

public:
    void answers429WithRetryAfterOnceTheBucketIsEmpty() {
        auto options = RunningEmulator::defaults();
        options.faults.rateLimitPerMinute = 5;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        for (int i = 0; i < 5; ++i)
            CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=1", access).status);
        const HttpResult throttled = client.get("/v1/customers?size=1", access);
        CPPUNIT_ASSERT_EQUAL(429, throttled.status);
        const int retryAfter = Poco::NumberParser::parse(throttled.header("Retry-After"));
        CPPUNIT_ASSERT(retryAfter >= 1 && retryAfter <= 60);
        const auto body = throttled.json();
        CPPUNIT_ASSERT_EQUAL(429, body->getValue<int>("statusCode"));
        CPPUNIT_ASSERT_EQUAL("Rate limit is exceeded. Try again in " + std::to_string(retryAfter) +
                                 " seconds.",
                             body->getValue<std::string>("message"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1),
                             running.emulator->state().counters().count("throttled"));
        // The token endpoint is not throttled.
        CPPUNIT_ASSERT_EQUAL(200, client
                                      .redeem(running.emulator->partnerTenantId(),
                                              running.emulator->initialRefreshToken())
                                      .status);
    }

    void throttleBodyCanUseThePartnerErrorShape() {
        auto options = RunningEmulator::defaults();
        options.faults.rateLimitPerMinute = 1;
        options.faults.throttleBody = ThrottleBody::PartnerFd;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        CPPUNIT_ASSERT_EQUAL(200, client
                                      .get("/v1/relationships?relationship_type="
                                           "IsIndirectCloudSolutionProviderOf",
                                           access)
                                      .status);
        const HttpResult throttled = client.get("/v1/customers?size=1", access);
        CPPUNIT_ASSERT_EQUAL(429, throttled.status);
        CPPUNIT_ASSERT(!throttled.header("Retry-After").empty());
        CPPUNIT_ASSERT_EQUAL(std::string("PartnerFD"),
                             throttled.json()->getValue<std::string>("source"));
        // Without the header only the description's "Try again in N seconds" remains.
        auto faults = running.emulator->state().faults();
        faults.retryAfterHeader = false;
        running.emulator->state().setFaults(faults); // refills the bucket (limit 1)
        CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=1", access).status);
        const HttpResult bare = client.get("/v1/customers?size=1", access);
        CPPUNIT_ASSERT_EQUAL(429, bare.status);
        CPPUNIT_ASSERT(bare.headers.count("Retry-After") == 0);
        CPPUNIT_ASSERT(bare.json()->getValue<std::string>("description").find("Try again in ") !=
                       std::string::npos);
    }

    void countsRequestsPerEndpointAndResets() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto data = running.emulator->state().snapshot();
        for (int i = 0; i < 3; ++i)
            client.get("/v1/customers/" + data.customers[i].id + "/subscriptions", access);
        client.get("/v1/customers/" + data.customers[0].id, access);
        client.get("/v1/nothing-here", access);
        auto& counters = running.emulator->state().counters();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), counters.count("subscriptions.list"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.count("customers.get"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.count("unknown"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(6), counters.total()); // + the token request

        const auto viaHttp = client.control("GET", "counters").json();
        CPPUNIT_ASSERT_EQUAL(6, viaHttp->getValue<int>("total"));
        CPPUNIT_ASSERT_EQUAL(3,
                             viaHttp->getObject("endpoints")->getValue<int>("subscriptions.list"));
        CPPUNIT_ASSERT_EQUAL(200, client.control("POST", "counters/reset").status);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counters.total());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counters.count("subscriptions.list"));
    }

    void echoesRequestAndCorrelationIds() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const HttpResult result =
            client.get("/v1/customers?size=1", access,
                       {{"MS-RequestId", "7d6c4f1e-0000-4000-8000-000000000001"},
                        {"MS-CorrelationId", "7d6c4f1e-0000-4000-8000-000000000002"}});
        CPPUNIT_ASSERT_EQUAL(std::string("7d6c4f1e-0000-4000-8000-000000000001"),
                             result.header("MS-RequestId"));
        CPPUNIT_ASSERT_EQUAL(std::string("7d6c4f1e-0000-4000-8000-000000000002"),
                             result.header("MS-CorrelationId"));
    }

    void servesParallelClients() {
        RunningEmulator running;
        const std::string access = running.accessToken();
        const auto data = running.emulator->state().snapshot();
        std::atomic<int> ok{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&, t] {
                try {
                    TestClient client = running.client();
                    for (int i = 0; i < 10; ++i) {
                        const auto& customer = data.customers[(t * 10 + i) % data.customers.size()];
                        if (client.get("/v1/customers/" + customer.id + "/subscriptions", access)
                                .status == 200)
                            ++ok;
                    }
                } catch (...) {
                }
            });
        for (auto& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(80, ok.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(80),
                             running.emulator->state().counters().count("subscriptions.list"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ThrottlingAndCountersTest);
