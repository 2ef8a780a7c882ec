#include "gateway/HttpCore.h"
#include "gateway/GatewayError.h"
#include "gateway/TlsContextFactory.h"
#include "gateway/TokenManager.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <Poco/Net/SSLManager.h>

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// The request headers as the server sees them (the emulator echoes MS-RequestId and
// MS-CorrelationId), and the request id kept across retries of one call.
class HttpCoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HttpCoreTest);
    CPPUNIT_TEST(idsSentAndNewPerCall);
    CPPUNIT_TEST(sameRequestIdAcrossRetries);
    CPPUNIT_TEST(callThatMustNotBeReplayedIsWrittenOnce);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<EmulatorHarness> _emulator;
    CapturingLogger _logger;
    std::unique_ptr<HttpCore> _core;
    const RequestContext _context{"dddddddd-2222-4333-8444-555555555555", {}};

    HttpResponse get(const std::string& target, const std::string& token, HttpCall& call) {
        call.name = "GET " + target;
        call.target = target;
        if (!token.empty())
            call.headers.emplace_back("Authorization", "Bearer " + token);
        return _core->execute("127.0.0.1", _emulator->port(), call, _context);
    }

public:
    void setUp() override {
        Poco::Net::initializeSSL();
        _emulator = std::make_unique<EmulatorHarness>();
        ClientOptions options = EmulatorHarness::fastOptions();
        options.maxAttempts = 10;
        _core = std::make_unique<HttpCore>(
            TlsContextFactory::clientContext(_emulator->credentials().caBundlePath), options,
            _logger);
    }
    void tearDown() override {
        _core.reset();
        _emulator.reset();
        Poco::Net::uninitializeSSL();
    }

    void idsSentAndNewPerCall() {
        std::set<std::string> ids;
        for (int i = 0; i < 3; ++i) {
            HttpCall call;
            const HttpResponse response = get("/v1/customers", "", call);
            CPPUNIT_ASSERT_EQUAL(401, response.status); // no token: answered, not retried
            CPPUNIT_ASSERT_EQUAL(1, response.attempts);
            CPPUNIT_ASSERT_EQUAL(36, static_cast<int>(call.requestId.size()));
            CPPUNIT_ASSERT_EQUAL(call.requestId, response.headers.get("MS-RequestId", ""));
            CPPUNIT_ASSERT_EQUAL(_context.correlationId,
                                 response.headers.get("MS-CorrelationId", ""));
            ids.insert(call.requestId);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), ids.size());
        CPPUNIT_ASSERT_EQUAL(1, _core->sessionsCreated("127.0.0.1", _emulator->port()));
    }

    void sameRequestIdAcrossRetries() {
        MemoryTokenStore store(_emulator->credentials());
        TokenManager tokens(*_core, store, _logger, EmulatorHarness::fastOptions());
        const std::string token = tokens.accessToken(_context);
        emu::FaultSettings faults = _emulator->state().faults();
        faults.serverErrorRate = 0.6;
        _emulator->state().setFaults(faults);
        int retried = 0;
        for (int i = 0; i < 10; ++i) {
            HttpCall call;
            const HttpResponse response = get("/v1/customers?size=5", token, call);
            CPPUNIT_ASSERT_EQUAL(200, response.status);
            // The id was fixed before the first attempt; the answering attempt still carried it.
            CPPUNIT_ASSERT_EQUAL(call.requestId, response.headers.get("MS-RequestId", ""));
            retried += response.attempts > 1 ? 1 : 0;
        }
        CPPUNIT_ASSERT(retried >= 1);
    }

    void callThatMustNotBeReplayedIsWrittenOnce() {
        MemoryTokenStore store(_emulator->credentials());
        TokenManager tokens(*_core, store, _logger, EmulatorHarness::fastOptions());
        const std::string token = tokens.accessToken(_context);
        emu::FaultSettings faults = _emulator->state().faults();
        faults.cutConnectionRate = 1.0; // every answer is cut half-way
        _emulator->state().setFaults(faults);
        auto& counters = _emulator->state().counters();

        HttpCall replayable;
        CPPUNIT_ASSERT_THROW(get("/v1/customers?size=5", token, replayable), GatewayError);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(10), counters.count("customers.list"));

        const int sessions = _core->sessionsCreated("127.0.0.1", _emulator->port());
        HttpCall once;
        once.replayAfterSend = false;
        try {
            get("/v1/customers?size=5", token, once);
            CPPUNIT_FAIL("a cut answer was taken for a whole one");
        } catch (const GatewayError& e) {
            const std::string text = e.what();
            CPPUNIT_ASSERT_MESSAGE(text, e.kind() == GatewayErrorKind::AnswerLost);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("connection cut") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("not sent again") != std::string::npos);
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t(11), counters.count("customers.list"));
        // On a connection of its own, so a kept one the server closed cannot pass for a send.
        CPPUNIT_ASSERT_EQUAL(sessions + 1, _core->sessionsCreated("127.0.0.1", _emulator->port()));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpCoreTest);
