#include "gateway/SendRate.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using std::chrono::milliseconds;
using std::chrono::seconds;

// The rate requests actually went out at, that a decrease starts from.
class SendRateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SendRateTest);
    CPPUNIT_TEST(measuresTheRecentSends);
    CPPUNIT_TEST(emptyWithTooFewSends);
    CPPUNIT_TEST(sinceExcludesAPause);
    CPPUNIT_TEST(forgetsOldSends);
    CPPUNIT_TEST_SUITE_END();

    using TimePoint = SendRate::TimePoint;
    const TimePoint t0 = TimePoint() + std::chrono::hours(1);

public:
    void measuresTheRecentSends() {
        SendRate rate;
        for (int i = 0; i < 100; ++i)
            rate.sent(t0 + milliseconds(100 * i)); // 10 a second
        // The last 32 over 3.2 s up to now.
        const auto perMinute = rate.perMinute(t0 + milliseconds(100 * 99 + 100));
        CPPUNIT_ASSERT(perMinute);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(600.0, *perMinute, 20.0);
        // Nobody sent for 3.2 s more: half the rate.
        CPPUNIT_ASSERT_DOUBLES_EQUAL(300.0, *rate.perMinute(t0 + milliseconds(13200)), 10.0);
    }

    void emptyWithTooFewSends() {
        SendRate rate;
        for (int i = 0; i < 7; ++i)
            rate.sent(t0 + milliseconds(10 * i));
        CPPUNIT_ASSERT(!rate.perMinute(t0 + seconds(1)));
    }

    void sinceExcludesAPause() {
        SendRate rate;
        for (int i = 0; i < 10; ++i)
            rate.sent(t0 + milliseconds(100 * i));
        const TimePoint pauseEnd = t0 + seconds(5);
        for (int i = 0; i < 10; ++i)
            rate.sent(pauseEnd + milliseconds(50 * i)); // 20 a second after the pause
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0,
                                     *rate.perMinute(pauseEnd + milliseconds(500), pauseEnd), 1.0);
        CPPUNIT_ASSERT(*rate.perMinute(pauseEnd + milliseconds(500)) < 300.0);
    }

    void forgetsOldSends() {
        SendRate rate;
        for (int i = 0; i < 20; ++i)
            rate.sent(t0 + milliseconds(10 * i));
        CPPUNIT_ASSERT(!rate.perMinute(t0 + seconds(11)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SendRateTest);
