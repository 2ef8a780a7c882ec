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
    CPPUNIT_TEST(burstCapacityBoundsTheBucket);
    CPPUNIT_TEST(everyNthCustomerCallAnswers429);
    CPPUNIT_TEST(everyNthInThePartnerShapeWithoutHeader);
    CPPUNIT_TEST(throttleFaultsSetThroughTheControlApi);
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

    void burstCapacityBoundsTheBucket() {
        auto options = RunningEmulator::defaults();
        options.faults.rateLimitPerMinute = 6000; // 100 a second, but only 3 tokens held
        options.faults.rateLimitBurst = 3;
        RunningEmulator running(options);
        // The clock is explicit, so no refill happens between the calls.
        auto& limiter = running.emulator->state().rateLimiter();
        const auto now = mockhost::emulator::RateLimiter::Clock::now();
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT_EQUAL(0, limiter.acquire("partner", now));
        CPPUNIT_ASSERT_EQUAL(1, limiter.acquire("partner", now));
        // A full second later the bucket holds 3 again (not the 100 a second brings).
        const auto later = now + std::chrono::seconds(1);
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT_EQUAL(0, limiter.acquire("partner", later));
        CPPUNIT_ASSERT_EQUAL(1, limiter.acquire("partner", later));
        // Without a burst the bucket holds a minute's worth, as before.
        mockhost::emulator::RateLimiter minute(60);
        for (int i = 0; i < 60; ++i)
            CPPUNIT_ASSERT_EQUAL(0, minute.acquire("partner", now));
        CPPUNIT_ASSERT_EQUAL(1, minute.acquire("partner", now));
    }

    void everyNthCustomerCallAnswers429() {
        auto options = RunningEmulator::defaults();
        options.faults.rateLimitPerMinute = 0;
        options.faults.throttleEveryNth = 3;
        options.faults.throttleEveryNthRetryAfterSeconds = 7;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto data = running.emulator->state().snapshot();
        const std::string customer = "/v1/customers/" + data.customers[0].id;
        const std::vector<std::string> paths = {customer, customer + "/subscriptions",
                                                customer + "/profiles/billing",
                                                "/v1/customers/not-a-guid/subscriptions"};
        std::vector<int> statuses;
        for (int i = 0; i < 12; ++i) {
            // The customer list between the calls is neither counted nor throttled.
            CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=1", access).status);
            const HttpResult result = client.get(paths[i % paths.size()], access);
            statuses.push_back(result.status);
            if (result.status == 429) {
                CPPUNIT_ASSERT_EQUAL(std::string("7"), result.header("Retry-After"));
                CPPUNIT_ASSERT_EQUAL(std::string("Rate limit is exceeded. Try again in 7 seconds."),
                                     result.json()->getValue<std::string>("message"));
            }
        }
        for (int i = 0; i < 12; ++i)
            CPPUNIT_ASSERT_EQUAL_MESSAGE("call " + std::to_string(i + 1), (i + 1) % 3 == 0,
                                         statuses[i] == 429);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4),
                             running.emulator->state().counters().count("throttled"));
        // Applying settings starts the count again.
        running.emulator->state().setFaults(running.emulator->state().faults());
        CPPUNIT_ASSERT_EQUAL(200, client.get(customer, access).status);
        CPPUNIT_ASSERT_EQUAL(200, client.get(customer, access).status);
        CPPUNIT_ASSERT_EQUAL(429, client.get(customer, access).status);
    }

    void everyNthInThePartnerShapeWithoutHeader() {
        auto options = RunningEmulator::defaults();
        options.faults.throttleEveryNth = 1;
        options.faults.throttleEveryNthRetryAfterSeconds = 2;
        options.faults.throttleBody = ThrottleBody::PartnerFd;
        options.faults.retryAfterHeader = false;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto data = running.emulator->state().snapshot();
        const HttpResult result =
            client.get("/v1/customers/" + data.customers[1].id + "/subscriptions", access);
        CPPUNIT_ASSERT_EQUAL(429, result.status);
        CPPUNIT_ASSERT(result.headers.count("Retry-After") == 0);
        CPPUNIT_ASSERT_EQUAL(std::string("PartnerFD"),
                             result.json()->getValue<std::string>("source"));
        CPPUNIT_ASSERT_EQUAL(std::string("Rate limit is exceeded. Try again in 2 seconds."),
                             result.json()->getValue<std::string>("description"));
    }

    void throttleFaultsSetThroughTheControlApi() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const HttpResult set =
            client.control("POST", "faults",
                           R"({"rateLimitPerMinute":60,"rateLimitBurst":2,"throttleEveryNth":2,)"
                           R"("throttleEveryNthRetryAfterSeconds":3})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(set.body, 200, set.status);
        const auto json = set.json();
        CPPUNIT_ASSERT_EQUAL(2, json->getValue<int>("rateLimitBurst"));
        CPPUNIT_ASSERT_EQUAL(2, json->getValue<int>("throttleEveryNth"));
        CPPUNIT_ASSERT_EQUAL(3, json->getValue<int>("throttleEveryNthRetryAfterSeconds"));
        const auto faults = running.emulator->state().faults();
        CPPUNIT_ASSERT_EQUAL(2, faults.rateLimitBurst);
        CPPUNIT_ASSERT_EQUAL(2, faults.throttleEveryNth);
        const std::string customer =
            "/v1/customers/" + running.emulator->state().snapshot().customers[0].id;
        CPPUNIT_ASSERT_EQUAL(200, client.get(customer, access).status);
        const HttpResult nth = client.get(customer, access);
        CPPUNIT_ASSERT_EQUAL(429, nth.status);
        CPPUNIT_ASSERT_EQUAL(std::string("3"), nth.header("Retry-After"));
        // The burst of 2 is spent (the second call took a token before its 429): the rate limit
        // answers now, with the seconds until the next token.
        const HttpResult limited = client.get("/v1/customers?size=1", access);
        CPPUNIT_ASSERT_EQUAL(429, limited.status);
        CPPUNIT_ASSERT_EQUAL(std::string("1"), limited.header("Retry-After"));

        const HttpResult refused = client.control("POST", "faults", R"({"throttleEveryNth":-1})");
        CPPUNIT_ASSERT_EQUAL(400, refused.status);
        CPPUNIT_ASSERT_MESSAGE(refused.body,
                               refused.body.find("throttleEveryNth must not be negative, not -1") !=
                                   std::string::npos);
        CPPUNIT_ASSERT_EQUAL(2, running.emulator->state().faults().throttleEveryNth);
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
