#include "gateway/Backoff.h"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace ict::gateway;
using std::chrono::milliseconds;

// The retry delays of 408, 5xx, timeouts and cut connections.
class BackoffTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BackoffTest);
    CPPUNIT_TEST(growsWithJitterAndCap);
    CPPUNIT_TEST_SUITE_END();

public:
    void growsWithJitterAndCap() {
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

CPPUNIT_TEST_SUITE_REGISTRATION(BackoffTest);
