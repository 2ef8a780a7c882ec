#include "gateway/BoundedBody.h"

#include <cppunit/extensions/HelperMacros.h>

#include <sstream>

using namespace ict::gateway;

// The two bounds of an answer's body: its size and the time it may take.
class BoundedBodyTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BoundedBodyTest);
    CPPUNIT_TEST(aBodyWithinTheCapIsReadWhole);
    CPPUNIT_TEST(aBodyOfExactlyTheCapIsComplete);
    CPPUNIT_TEST(oneByteOverTheCapIsTooLarge);
    CPPUNIT_TEST(aLongBodyStopsAtTheCap);
    CPPUNIT_TEST(aPassedDeadlineIsTooSlow);
    CPPUNIT_TEST(appendsAfterWhatTheBodyHeld);
    CPPUNIT_TEST_SUITE_END();

    static std::chrono::steady_clock::time_point later() {
        return std::chrono::steady_clock::now() + std::chrono::minutes(1);
    }

public:
    void aBodyWithinTheCapIsReadWhole() {
        std::istringstream in(std::string(40000, 'a'));
        std::string body;
        CPPUNIT_ASSERT(readBoundedBody(in, 50000, later(), body) == BodyReadOutcome::Complete);
        CPPUNIT_ASSERT_EQUAL(std::size_t(40000), body.size());
    }

    void aBodyOfExactlyTheCapIsComplete() {
        std::istringstream in(std::string(16384, 'b'));
        std::string body;
        CPPUNIT_ASSERT(readBoundedBody(in, 16384, later(), body) == BodyReadOutcome::Complete);
        CPPUNIT_ASSERT_EQUAL(std::size_t(16384), body.size());
    }

    void oneByteOverTheCapIsTooLarge() {
        std::istringstream in(std::string(16385, 'c'));
        std::string body;
        CPPUNIT_ASSERT(readBoundedBody(in, 16384, later(), body) == BodyReadOutcome::TooLarge);
        CPPUNIT_ASSERT_EQUAL(std::size_t(16384), body.size());
    }

    void aLongBodyStopsAtTheCap() {
        std::istringstream in(std::string(1 << 20, 'd'));
        std::string body;
        CPPUNIT_ASSERT(readBoundedBody(in, 1000, later(), body) == BodyReadOutcome::TooLarge);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1000), body.size());
        // Not read further than one byte past the cap.
        CPPUNIT_ASSERT_EQUAL(std::streamoff(1001), std::streamoff(in.tellg()));
    }

    void aPassedDeadlineIsTooSlow() {
        std::istringstream in("{\"items\":[]}");
        std::string body;
        const auto passed = std::chrono::steady_clock::now() - std::chrono::milliseconds(1);
        CPPUNIT_ASSERT(readBoundedBody(in, 1000, passed, body) == BodyReadOutcome::TooSlow);
    }

    void appendsAfterWhatTheBodyHeld() {
        std::istringstream in("12345");
        std::string body = "held:";
        CPPUNIT_ASSERT(readBoundedBody(in, 5, later(), body) == BodyReadOutcome::Complete);
        CPPUNIT_ASSERT_EQUAL(std::string("held:12345"), body);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BoundedBodyTest);
