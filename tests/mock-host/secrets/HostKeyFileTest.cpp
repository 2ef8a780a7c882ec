#include "secrets/HostKeyFile.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <vector>

using mockhost::HostKey;
using mockhost::HostKeyFile;

namespace {

unsigned modeOf(const std::string& path) {
    struct stat info {};
    CPPUNIT_ASSERT_EQUAL(0, ::stat(path.c_str(), &info));
    return info.st_mode & 07777;
}

std::string failureOf(const HostKeyFile& file) {
    try {
        file.loadOrCreate();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(loaded)";
}

} // namespace

class HostKeyFileTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostKeyFileTest);
    CPPUNIT_TEST(theFirstStartMakesAnOwnerOnlyFileAndLaterOnesReadIt);
    CPPUNIT_TEST(aFileOthersMayReadIsRefusedNamingItsMode);
    CPPUNIT_TEST(aLineThatIsNoKeyIsRefusedNamingTheLine);
    CPPUNIT_TEST(hostsStartingAtOnceAgreeOnOneKey);
    CPPUNIT_TEST(writeReplacesTheKeysAndStaysOwnerOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _folder = Poco::TemporaryFile::tempName(); }
    void tearDown() override {
        if (Poco::File(_folder).exists())
            Poco::File(_folder).remove(true);
    }

    void theFirstStartMakesAnOwnerOnlyFileAndLaterOnesReadIt() {
        ::umask(022); // as most shells: what the host makes must not depend on it
        const HostKeyFile file(_folder + "/keys/host.key");
        const std::vector<HostKey> made = file.loadOrCreate();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), made.size());
        CPPUNIT_ASSERT_EQUAL(0600u, modeOf(file.path()));
        CPPUNIT_ASSERT(made == file.loadOrCreate());
        CPPUNIT_ASSERT(made == HostKeyFile(file.path()).loadOrCreate());
    }

    void aFileOthersMayReadIsRefusedNamingItsMode() {
        const HostKeyFile file(_folder + "/host.key");
        file.loadOrCreate();
        ::chmod(file.path().c_str(), 0644);
        const std::string refusal = failureOf(file);
        CPPUNIT_ASSERT_MESSAGE(refusal, refusal.find(file.path()) != std::string::npos &&
                                            refusal.find("0644") != std::string::npos &&
                                            refusal.find("chmod 600") != std::string::npos);
        ::chmod(file.path().c_str(), 0600);
        CPPUNIT_ASSERT_EQUAL(std::string("(loaded)"), failureOf(file));
    }

    void aLineThatIsNoKeyIsRefusedNamingTheLine() {
        const HostKeyFile file(_folder + "/host.key");
        file.loadOrCreate();
        std::ofstream(file.path(), std::ios::app) << "not-a-key\n";
        const std::string refusal = failureOf(file);
        CPPUNIT_ASSERT_MESSAGE(refusal, refusal.find("line 2") != std::string::npos);
    }

    void hostsStartingAtOnceAgreeOnOneKey() {
        const std::string path = _folder + "/host.key";
        std::vector<std::vector<HostKey>> seen(8);
        std::vector<std::thread> starts;
        for (auto& keys : seen)
            starts.emplace_back([&keys, &path] { keys = HostKeyFile(path).loadOrCreate(); });
        for (auto& start : starts)
            start.join();
        for (const auto& keys : seen)
            CPPUNIT_ASSERT(keys == seen.front());
        std::vector<std::string> left;
        Poco::File(_folder).list(left);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), left.size()); // no temporary file left behind
    }

    void writeReplacesTheKeysAndStaysOwnerOnly() {
        const HostKeyFile file(_folder + "/host.key");
        const HostKey old = file.loadOrCreate().front();
        const HostKey fresh = HostKeyFile::newKey();
        file.write({fresh, old});
        CPPUNIT_ASSERT((std::vector<HostKey>{fresh, old}) == file.loadOrCreate());
        CPPUNIT_ASSERT_EQUAL(0600u, modeOf(file.path()));
    }

private:
    std::string _folder;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostKeyFileTest);
