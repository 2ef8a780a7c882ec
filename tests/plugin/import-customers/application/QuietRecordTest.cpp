// recordQuietly: a run's end recorded from a catch block never replaces the error that ended it.
#include "application/QuietRecord.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/DataException.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

class Lines : public bss::sdk::Logger {
public:
    void log(bss::sdk::LogLevel level, const std::string& message) override {
        if (level == bss::sdk::LogLevel::Warning)
            warnings.push_back(message);
    }
    std::vector<std::string> warnings;
};

} // namespace

class QuietRecordTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(QuietRecordTest);
    CPPUNIT_TEST(theRunsOwnErrorReachesTheCallerWhenTheRecordFails);
    CPPUNIT_TEST(aRecordThatWorksLogsNothing);
    CPPUNIT_TEST_SUITE_END();

public:
    void theRunsOwnErrorReachesTheCallerWhenTheRecordFails() {
        Lines log;
        std::string caught;
        try {
            try {
                throw std::runtime_error("Import failed: the accounts table is locked");
            } catch (const std::exception&) {
                ict::application::recordQuietly(
                    log, "run-7", [] { throw Poco::Data::DataException("database is locked"); });
                throw;
            }
        } catch (const std::exception& e) {
            caught = e.what();
        }
        CPPUNIT_ASSERT_EQUAL(std::string("Import failed: the accounts table is locked"), caught);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), log.warnings.size());
        CPPUNIT_ASSERT_MESSAGE(log.warnings[0],
                               log.warnings[0].find("run-7") != std::string::npos &&
                                   log.warnings[0].find("database is locked") != std::string::npos);
        // Anything thrown is contained, not only Poco's and the standard's.
        ict::application::recordQuietly(log, "run-8", [] { throw 42; });
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), log.warnings.size());
    }

    void aRecordThatWorksLogsNothing() {
        Lines log;
        bool recorded = false;
        ict::application::recordQuietly(log, "run-9", [&] { recorded = true; });
        CPPUNIT_ASSERT(recorded);
        CPPUNIT_ASSERT(log.warnings.empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(QuietRecordTest);
