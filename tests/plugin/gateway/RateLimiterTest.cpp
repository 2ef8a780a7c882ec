#include "gateway/RateLimiter.h"
#include "gateway/Backoff.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <functional>
#include <set>
#include <thread>

using namespace ict::gateway;
using std::chrono::milliseconds;

// The client-side token bucket and the retry delays.
class RateLimiterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RateLimiterTest);
    CPPUNIT_TEST(bucketPacesRequests);
    CPPUNIT_TEST(slowDownHalvesAndRecoverClimbsBack);
    CPPUNIT_TEST(cancelledWhileWaiting);
    CPPUNIT_TEST(backoffGrowsWithJitterAndCap);
    CPPUNIT_TEST_SUITE_END();

    static milliseconds timeOf(const std::function<void()>& action) {
        const auto started = std::chrono::steady_clock::now();
        action();
        return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started);
    }

public:
    void bucketPacesRequests() {
        RateLimiter limiter(600); // 10 per second
        const RequestContext context;
        const auto elapsed = timeOf([&] {
            for (int i = 0; i < 6; ++i)
                CPPUNIT_ASSERT(limiter.acquire(context));
        });
        // The bucket starts with one token: five more need about 0.5 s.
        CPPUNIT_ASSERT(elapsed >= milliseconds(400));
        CPPUNIT_ASSERT(elapsed < milliseconds(1500));
    }

    void slowDownHalvesAndRecoverClimbsBack() {
        RateLimiter limiter(1000);
        limiter.slowDown();
        CPPUNIT_ASSERT_DOUBLES_EQUAL(500.0, limiter.currentRequestsPerMinute(), 0.001);
        limiter.slowDown();
        CPPUNIT_ASSERT_DOUBLES_EQUAL(250.0, limiter.currentRequestsPerMinute(), 0.001);
        for (int i = 0; i < 100; ++i)
            limiter.recover();
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1000.0, limiter.currentRequestsPerMinute(), 0.001);
        RateLimiter slow(1);
        slow.slowDown();
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1.0, slow.currentRequestsPerMinute(), 0.001);
    }

    void cancelledWhileWaiting() {
        RateLimiter limiter(1); // one a minute
        std::atomic<bool> stop{false};
        const RequestContext context{"", [&] { return stop.load(); }};
        CPPUNIT_ASSERT(limiter.acquire(context));
        std::thread canceller([&] {
            std::this_thread::sleep_for(milliseconds(150));
            stop = true;
        });
        bool acquired = true;
        const auto elapsed = timeOf([&] { acquired = limiter.acquire(context); });
        canceller.join();
        CPPUNIT_ASSERT(!acquired);
        CPPUNIT_ASSERT(elapsed < milliseconds(1000));
    }

    void backoffGrowsWithJitterAndCap() {
        const Backoff backoff(milliseconds(100), milliseconds(1000));
        for (int i = 0; i < 50; ++i) {
            const auto first = backoff.delay(1);
            CPPUNIT_ASSERT(first >= milliseconds(50) && first <= milliseconds(100));
            const auto third = backoff.delay(3);
            CPPUNIT_ASSERT(third >= milliseconds(200) && third <= milliseconds(400));
            const auto late = backoff.delay(12);
            CPPUNIT_ASSERT(late >= milliseconds(500) && late <= milliseconds(1000));
        }
        std::set<long> distinct;
        for (int i = 0; i < 20; ++i)
            distinct.insert(static_cast<long>(backoff.delay(4).count()));
        CPPUNIT_ASSERT(distinct.size() > 1); // jittered
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RateLimiterTest);
