#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// Certificates are always verified, host name included, with the instance's CA bundle.
class ClientTlsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientTlsTest);
    CPPUNIT_TEST(trustedCertificateAccepted);
    CPPUNIT_TEST(foreignCaRefused);
    CPPUNIT_TEST(wrongHostNameRefused);
    CPPUNIT_TEST(systemCasDoNotTrustTheTestCa);
    CPPUNIT_TEST(missingCaBundleRefused);
    CPPUNIT_TEST(plainHttpRefused);
    CPPUNIT_TEST_SUITE_END();

    CapturingLogger _logger;
    RequestContext _context{"bbbbbbbb-2222-4333-8444-555555555555", {}};

    static std::unique_ptr<EmulatorHarness> serve(emu::ServerCertificate certificate,
                                                  const std::string& directory) {
        return std::make_unique<EmulatorHarness>(
            [&](emu::EmulatorOptions& o) { o.certificate = certificate; }, directory);
    }

    GatewayError refusal(EmulatorHarness& emulator, bss::sdk::InstanceCredentials credentials) {
        MemoryTokenStore store(credentials);
        PartnerCenterClient client(credentials, store, _logger, EmulatorHarness::fastOptions());
        try {
            client.customers(_context);
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT_EQUAL(std::int64_t(0), emulator.state().counters().total());
            CPPUNIT_ASSERT(store.stored().empty());
            return e;
        }
        CPPUNIT_FAIL("the handshake should have failed");
        throw std::logic_error("unreachable");
    }

public:
    void trustedCertificateAccepted() {
        auto emulator = serve(emu::ServerCertificate::Trusted, "tls");
        MemoryTokenStore store(emulator->credentials());
        PartnerCenterClient client(emulator->credentials(), store, _logger,
                                   EmulatorHarness::fastOptions());
        CPPUNIT_ASSERT_EQUAL(std::size_t(20), client.customers(_context).size());
    }

    void foreignCaRefused() {
        auto emulator = serve(emu::ServerCertificate::ForeignCa, "tls");
        const auto error = refusal(*emulator, emulator->credentials());
        CPPUNIT_ASSERT_MESSAGE(error.what(), error.kind() == GatewayErrorKind::TlsFailure);
        CPPUNIT_ASSERT_EQUAL(std::string("POST /{tenant}/oauth2/token"), error.call());
    }

    void wrongHostNameRefused() {
        auto emulator = serve(emu::ServerCertificate::WrongHost, "tls");
        const auto error = refusal(*emulator, emulator->credentials());
        CPPUNIT_ASSERT_MESSAGE(error.what(), error.kind() == GatewayErrorKind::TlsFailure);
        // The chain is trusted here: only the host-name check can refuse it.
        CPPUNIT_ASSERT_MESSAGE(error.what(),
                               std::string(error.what()).find("127.0.0.1") != std::string::npos);
    }

    void systemCasDoNotTrustTheTestCa() {
        auto emulator = serve(emu::ServerCertificate::Trusted, "tls");
        auto credentials = emulator->credentials();
        credentials.caBundlePath.clear();
        const auto error = refusal(*emulator, credentials);
        CPPUNIT_ASSERT_MESSAGE(error.what(), error.kind() == GatewayErrorKind::TlsFailure);
    }

    void missingCaBundleRefused() {
        auto emulator = serve(emu::ServerCertificate::Trusted, "tls");
        auto credentials = emulator->credentials();
        credentials.caBundlePath = "/nonexistent/ca.pem";
        MemoryTokenStore store(credentials);
        try {
            PartnerCenterClient client(credentials, store, _logger);
            CPPUNIT_FAIL("a missing CA bundle must be refused");
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::TlsFailure);
            CPPUNIT_ASSERT(std::string(e.what()).find("/nonexistent/ca.pem") != std::string::npos);
        }
    }

    void plainHttpRefused() {
        auto emulator = serve(emu::ServerCertificate::Trusted, "tls");
        auto credentials = emulator->credentials();
        credentials.partnerCenterUrl = "http://127.0.0.1:" + std::to_string(emulator->port());
        MemoryTokenStore store(credentials);
        CPPUNIT_ASSERT_THROW(PartnerCenterClient(credentials, store, _logger), GatewayError);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientTlsTest);
