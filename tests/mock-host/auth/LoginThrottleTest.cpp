#include "auth/LoginThrottle.h"

#include <cppunit/extensions/HelperMacros.h>

using mockhost::LoginThrottle;
using std::chrono::seconds;

class LoginThrottleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LoginThrottleTest);
    CPPUNIT_TEST(fiveFailuresAreFreeThenTheDelayDoubles);
    CPPUNIT_TEST(theDelayStopsAtItsCeiling);
    CPPUNIT_TEST(aSuccessClearsTheLoginAndAddress);
    CPPUNIT_TEST(oneAddressTryingManyLoginsIsSlowedToo);
    CPPUNIT_TEST(oldFailuresAreForgotten);
    CPPUNIT_TEST(aFloodOfInventedNamesHoldsAtMostTheCap);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _now = LoginThrottle::TimePoint{}; }

    void fiveFailuresAreFreeThenTheDelayDoubles() {
        LoginThrottle throttle = make();
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerLogin; ++i) {
            CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "admin@root"));
            throttle.failed("admin@root", "10.0.0.1");
        }
        // The sixth failure starts the back-off: 1 s, then 2 s, 4 s.
        throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(1LL, wait(throttle, "admin@root"));
        CPPUNIT_ASSERT_EQUAL(1LL, wait(throttle, "ADMIN@root")); // without case
        CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "sales@root", "10.0.0.2"));
        _now += seconds(1);
        CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "admin@root"));
        throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(2LL, wait(throttle, "admin@root"));
        _now += std::chrono::milliseconds(500);
        CPPUNIT_ASSERT_EQUAL(2LL, wait(throttle, "admin@root")); // rounded up
        _now += std::chrono::milliseconds(1500);
        throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(4LL, wait(throttle, "admin@root"));
        // Another address does not get around the login's back-off.
        CPPUNIT_ASSERT_EQUAL(4LL, wait(throttle, "admin@root", "10.9.9.9"));
    }

    void theDelayStopsAtItsCeiling() {
        LoginThrottle throttle = make();
        for (int i = 0; i < 40; ++i)
            throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(static_cast<long long>(LoginThrottle::kMaxDelay.count()),
                             wait(throttle, "admin@root"));
    }

    void aSuccessClearsTheLoginAndAddress() {
        LoginThrottle throttle = make();
        for (int i = 0; i < 8; ++i)
            throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT(wait(throttle, "admin@root") > 0);
        _now += LoginThrottle::kMaxDelay;
        throttle.succeeded("admin@root", "10.0.0.1");
        throttle.failed("admin@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "admin@root"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), throttle.trackedKeys());
    }

    void oneAddressTryingManyLoginsIsSlowedToo() {
        LoginThrottle throttle = make();
        for (int i = 0; i <= LoginThrottle::kFreeFailuresPerAddress; ++i)
            throttle.failed("user" + std::to_string(i) + "@root", "10.0.0.1");
        CPPUNIT_ASSERT_EQUAL(1LL, wait(throttle, "someone-new@root", "10.0.0.1"));
        CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "someone-new@root", "10.0.0.2"));
    }

    void oldFailuresAreForgotten() {
        LoginThrottle throttle = make();
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerLogin; ++i)
            throttle.failed("admin@root", "10.0.0.1");
        _now += LoginThrottle::kForgetAfter + seconds(1);
        throttle.failed("admin@root", "10.0.0.1"); // the first of a new series
        CPPUNIT_ASSERT_EQUAL(0LL, wait(throttle, "admin@root"));
    }

    void aFloodOfInventedNamesHoldsAtMostTheCap() {
        LoginThrottle throttle = make();
        const std::size_t names = LoginThrottle::kMaxKeys + 500;
        for (std::size_t i = 0; i < names; ++i) {
            throttle.failed("invented-" + std::to_string(i), "10.0.0." + std::to_string(i % 7));
            _now += std::chrono::milliseconds(1);
        }
        CPPUNIT_ASSERT(throttle.trackedKeys() <= LoginThrottle::kMaxKeys);
        // The addresses failed last and most often are still held and slowed.
        CPPUNIT_ASSERT(wait(throttle, "anyone", "10.0.0.3") > 0);
    }

private:
    LoginThrottle make() {
        return LoginThrottle([this] { return _now; });
    }
    long long wait(LoginThrottle& throttle, const std::string& login,
                   const std::string& address = "10.0.0.1") {
        return static_cast<long long>(throttle.wait(login, address).count());
    }

    LoginThrottle::TimePoint _now;
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginThrottleTest);
