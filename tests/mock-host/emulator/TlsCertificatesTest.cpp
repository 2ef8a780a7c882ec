#include "mock-host/emulator/EmulatorTestSupport.h"

#include "tls/CertificateFactory.h"

#include <Poco/Exception.h>
#include <Poco/File.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace emulatortest;
using namespace mockhost::emulator;

class TlsCertificatesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TlsCertificatesTest);
    CPPUNIT_TEST(trustedCertificatePassesStrictVerification);
    CPPUNIT_TEST(foreignCaIsRefused);
    CPPUNIT_TEST(wrongHostIsRefused);
    CPPUNIT_TEST(existingCertificatesAreReused);
    CPPUNIT_TEST(concurrentGenerationInOneDirectoryStaysConsistent);
    CPPUNIT_TEST_SUITE_END();

public:
    void trustedCertificatePassesStrictVerification() {
        RunningEmulator running;
        TestClient client = running.client();
        CPPUNIT_ASSERT_EQUAL(200, client.control("GET", "info").status);
    }

    void foreignCaIsRefused() {
        auto options = RunningEmulator::defaults();
        options.certificate = ServerCertificate::ForeignCa;
        RunningEmulator running(options);
        CPPUNIT_ASSERT(running.emulator->caCertificatePath() != running.emulator->trustedCaPath());
        // A client trusting only the emulator CA must refuse the foreign chain...
        TestClient strict(running.emulator->port(), running.emulator->trustedCaPath());
        CPPUNIT_ASSERT_THROW(strict.control("GET", "info"), Poco::Exception);
        // ...while trusting the CA that did sign it works, so the refusal is about trust.
        TestClient trusting(running.emulator->port(), running.emulator->caCertificatePath());
        CPPUNIT_ASSERT_EQUAL(200, trusting.control("GET", "info").status);
    }

    void wrongHostIsRefused() {
        auto options = RunningEmulator::defaults();
        options.certificate = ServerCertificate::WrongHost;
        RunningEmulator running(options);
        CPPUNIT_ASSERT_EQUAL(running.emulator->trustedCaPath(),
                             running.emulator->caCertificatePath());
        TestClient strict(running.emulator->port(), running.emulator->caCertificatePath());
        CPPUNIT_ASSERT_THROW(strict.control("GET", "info"), Poco::Exception);
    }

    void existingCertificatesAreReused() {
        RunningEmulator running;
        const TlsFiles files = running.emulator->tlsFiles();
        const Poco::Timestamp modified = Poco::File(files.certificate).getLastModified();
        const TlsFiles again = CertificateFactory(running.directory()).trusted();
        CPPUNIT_ASSERT_EQUAL(files.certificate, again.certificate);
        CPPUNIT_ASSERT(modified == Poco::File(again.certificate).getLastModified());
    }

    void concurrentGenerationInOneDirectoryStaysConsistent() {
        const std::string directory = Poco::TemporaryFile::tempName();
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&] {
                try {
                    CertificateFactory(directory).trusted();
                } catch (...) {
                    ++failures;
                }
            });
        for (auto& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(0, failures.load());
        {
            auto options = RunningEmulator::defaults();
            options.certDirectory = directory;
            PartnerCenterEmulator emulator(options);
            emulator.start();
            TestClient client(emulator.port(), emulator.caCertificatePath());
            CPPUNIT_ASSERT_EQUAL(200, client.control("GET", "info").status);
        }
        Poco::File(directory).remove(true);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TlsCertificatesTest);
