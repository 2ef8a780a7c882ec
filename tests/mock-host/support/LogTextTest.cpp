#include "support/LogText.h"

#include <cppunit/extensions/HelperMacros.h>

using mockhost::printableForLog;

class LogTextTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LogTextTest);
    CPPUNIT_TEST(aForgedLogLineStaysOnItsLine);
    CPPUNIT_TEST(longTextIsCut);
    CPPUNIT_TEST(plainTextIsKept);
    CPPUNIT_TEST_SUITE_END();

public:
    void aForgedLogLineStaysOnItsLine() {
        const std::string forged = "x\r\n2026-12-04 INFO log-in of admin@root\\ok\x1b[31m";
        const std::string safe = printableForLog(forged);
        CPPUNIT_ASSERT_EQUAL(std::string::npos, safe.find_first_of("\r\n\x1b"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("x\\x0d\\x0a2026-12-04 INFO log-in of admin@root\\x5cok\\x1b[31m"), safe);
    }

    void longTextIsCut() {
        CPPUNIT_ASSERT_EQUAL(std::string("abcd..."), printableForLog("abcdefgh", 4));
        CPPUNIT_ASSERT_EQUAL(std::size_t(83), printableForLog(std::string(5000, 'a')).size());
    }

    void plainTextIsKept() {
        CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), printableForLog("admin@root"));
        CPPUNIT_ASSERT_EQUAL(std::string("Müller"), printableForLog("Müller"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LogTextTest);
