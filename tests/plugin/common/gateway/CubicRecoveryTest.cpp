#include "gateway/CubicRecovery.h"

#include <cppunit/extensions/HelperMacros.h>

#include <vector>

using namespace ict::gateway;
using std::chrono::seconds;

// The rate's curve after a decrease: concave back to the rate decreased from, convex past it to
// the configured rate, reached a minute after the decrease.
class CubicRecoveryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CubicRecoveryTest);
    CPPUNIT_TEST(configuredUntilTheFirstDecrease);
    CPPUNIT_TEST(concaveThenConvexToTheConfiguredRate);
    CPPUNIT_TEST(decreasesFromTheRateUsedWhenLower);
    CPPUNIT_TEST(aDecreaseDuringRecoveryStartsFromTheCurve);
    CPPUNIT_TEST_SUITE_END();

    using TimePoint = CubicRecovery::TimePoint;
    const TimePoint t0 = TimePoint() + std::chrono::hours(1);

    static std::vector<double> perSecond(const CubicRecovery& curve, TimePoint from, int count) {
        std::vector<double> rates;
        for (int s = 0; s <= count; ++s)
            rates.push_back(curve.rateAt(from + seconds(s)));
        return rates;
    }

public:
    void configuredUntilTheFirstDecrease() {
        const CubicRecovery curve(1200, seconds(60));
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0, curve.rateAt(t0), 1e-9);
    }

    void concaveThenConvexToTheConfiguredRate() {
        CubicRecovery curve(1200, seconds(60));
        curve.decrease(t0, 0.7, 300); // the workers sent 300/min: W = 300, K = 37.5 s
        const auto rates = perSecond(curve, t0, 60);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(210.0, rates[0], 1e-9);
        for (int s = 1; s <= 60; ++s)
            CPPUNIT_ASSERT(rates[s] >= rates[s - 1]);
        // Concave up to W (steps shrink), then convex (steps grow).
        for (int s = 2; s <= 37; ++s)
            CPPUNIT_ASSERT(rates[s] - rates[s - 1] <= rates[s - 1] - rates[s - 2] + 1e-9);
        for (int s = 40; s <= 60; ++s)
            CPPUNIT_ASSERT(rates[s] - rates[s - 1] >= rates[s - 1] - rates[s - 2] - 1e-9);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(300.0, curve.rateAt(t0 + std::chrono::milliseconds(37500)),
                                     1e-6);
        CPPUNIT_ASSERT(rates[30] < 300 && rates[30] > 290); // near W long before K
        CPPUNIT_ASSERT(rates[59] < 1200);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0, rates[60], 1e-9);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0, curve.rateAt(t0 + seconds(3600)), 1e-9);
    }

    void decreasesFromTheRateUsedWhenLower() {
        CubicRecovery curve(600000, seconds(60));
        curve.decrease(t0, 0.7, 2000);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1400.0, curve.rateAt(t0), 1e-9);
        CubicRecovery unused(600, seconds(60));
        unused.decrease(t0, 0.7, 5000); // more than allowed: the allowance counts
        CPPUNIT_ASSERT_DOUBLES_EQUAL(420.0, unused.rateAt(t0), 1e-9);
    }

    void aDecreaseDuringRecoveryStartsFromTheCurve() {
        CubicRecovery curve(1200, seconds(60));
        curve.decrease(t0, 0.7);
        const double at30 = curve.rateAt(t0 + seconds(30));
        curve.decrease(t0 + seconds(30), 0.7);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(0.7 * at30, curve.rateAt(t0 + seconds(30)), 1e-9);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0, curve.rateAt(t0 + seconds(90)), 1e-9);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CubicRecoveryTest);
