#include "EmulatorCommandLine.h"

#include <Poco/Exception.h>

#include <cppunit/extensions/HelperMacros.h>

using mockhost::emulator::EmulatorCommandLine;

// The standalone emulator's flags, throttling faults included (an out-of-process emulator is
// configured through them).
class EmulatorCommandLineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(EmulatorCommandLineTest);
    CPPUNIT_TEST(defaults);
    CPPUNIT_TEST(throttlingFlags);
    CPPUNIT_TEST(badValuesNameTheOption);
    CPPUNIT_TEST(help);
    CPPUNIT_TEST_SUITE_END();

public:
    void defaults() {
        const auto line = EmulatorCommandLine::parse({});
        CPPUNIT_ASSERT_EQUAL(8443, line.options.port);
        CPPUNIT_ASSERT_EQUAL(std::string("var/emulator"), line.options.certDirectory);
        CPPUNIT_ASSERT_EQUAL(500, line.options.faults.rateLimitPerMinute);
        CPPUNIT_ASSERT_EQUAL(0, line.options.faults.rateLimitBurst);
        CPPUNIT_ASSERT_EQUAL(0, line.options.faults.throttleEveryNth);
        CPPUNIT_ASSERT(!line.help);
    }

    void throttlingFlags() {
        const auto line = EmulatorCommandLine::parse(
            {"--rate-limit", "300", "--rate-limit-burst", "5", "--throttle-every", "5",
             "--throttle-every-retry-after", "2", "--seed", "9", "--save-data", "out.json"});
        CPPUNIT_ASSERT_EQUAL(300, line.options.faults.rateLimitPerMinute);
        CPPUNIT_ASSERT_EQUAL(5, line.options.faults.rateLimitBurst);
        CPPUNIT_ASSERT_EQUAL(5, line.options.faults.throttleEveryNth);
        CPPUNIT_ASSERT_EQUAL(2, line.options.faults.throttleEveryNthRetryAfterSeconds);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(9), line.options.faults.seed);
        CPPUNIT_ASSERT_EQUAL(std::string("out.json"), line.saveData);
    }

    void badValuesNameTheOption() {
        auto message = [](const std::vector<std::string>& arguments) {
            try {
                EmulatorCommandLine::parse(arguments);
            } catch (const Poco::InvalidArgumentException& e) {
                return e.message();
            }
            return std::string("no error");
        };
        CPPUNIT_ASSERT_EQUAL(std::string("--throttle-every needs a non-negative number, not '-2'"),
                             message({"--throttle-every", "-2"}));
        CPPUNIT_ASSERT_EQUAL(std::string("--rate-limit-burst needs a non-negative number, not 'x'"),
                             message({"--rate-limit-burst", "x"}));
        CPPUNIT_ASSERT_EQUAL(std::string("--throttle-every-retry-after needs a value"),
                             message({"--throttle-every-retry-after"}));
        CPPUNIT_ASSERT_EQUAL(std::string("unknown option --throttle"),
                             message({"--throttle", "1"}));
    }

    void help() {
        CPPUNIT_ASSERT(EmulatorCommandLine::parse({"--port", "1", "--help"}).help);
        const std::string usage = EmulatorCommandLine::usage();
        CPPUNIT_ASSERT(usage.find("--throttle-every N") != std::string::npos);
        CPPUNIT_ASSERT(usage.find("--rate-limit-burst N") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EmulatorCommandLineTest);
