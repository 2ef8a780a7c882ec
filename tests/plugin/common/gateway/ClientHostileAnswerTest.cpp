#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// A server that answers without end, too much, too slowly or with headers of its choosing: every
// walk and every call still ends, with an error that names the call, and no request of ours
// carries a header the server asked for other than the continuation token.
class ClientHostileAnswerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientHostileAnswerTest);
    CPPUNIT_TEST(cyclingTokensEndTheWalk);
    CPPUNIT_TEST(endlessEmptyPagesEndTheWalk);
    CPPUNIT_TEST(headersTheServerAddsAreNotSent);
    CPPUNIT_TEST(aControlCharacterInTheTokenEndsTheWalk);
    CPPUNIT_TEST(anOversizedAnswerIsNotReadNorRetried);
    CPPUNIT_TEST(aTrickledAnswerTimesOut);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<EmulatorHarness> _emulator;
    std::unique_ptr<MemoryTokenStore> _store;
    CapturingLogger _logger;
    std::unique_ptr<PartnerCenterClient> _client;
    RequestContext _context{"33333333-2222-4333-8444-555555555555", {}};

    void start(const std::string& hostilePaging,
               const std::function<void(ClientOptions&)>& tune = {}) {
        _emulator = std::make_unique<EmulatorHarness>([&](emu::EmulatorOptions& options) {
            options.data.tenantCount = 25;
            options.compatibility.hostilePaging = hostilePaging;
        });
        _store = std::make_unique<MemoryTokenStore>(_emulator->credentials());
        ClientOptions options = EmulatorHarness::fastOptions();
        options.pageSize = 10;
        if (tune)
            tune(options);
        _client = std::make_unique<PartnerCenterClient>(_emulator->credentials(), *_store, _logger,
                                                        options);
    }
    std::int64_t count(const std::string& endpoint) {
        return _emulator->state().counters().count(endpoint);
    }
    static void assertHas(const std::string& text, const std::string& part) {
        CPPUNIT_ASSERT_MESSAGE(text, text.find(part) != std::string::npos);
    }

public:
    void tearDown() override {
        _client.reset();
        _emulator.reset();
    }

    void cyclingTokensEndTheWalk() {
        start("cycle");
        const auto error = expectError([&] { _client->customers(_context); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        assertHas(error.what(), "GET /v1/customers");
        assertHas(error.what(), "cycle");
        // Pages 1 and 2, then page 1 again, whose token page 2 had led to before.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), count("customers.list"));
    }

    void endlessEmptyPagesEndTheWalk() {
        start("endless");
        const auto error = expectError([&] { _client->customers(_context); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        assertHas(error.what(), "3 pages in a row without items");
        // Three pages of 10, 10 and 5, then three empty ones that still say there is more.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(6), count("customers.list"));
    }

    void headersTheServerAddsAreNotSent() {
        start("extraHeader");
        CPPUNIT_ASSERT_EQUAL(std::size_t(25), _client->customers(_context).size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), count("customers.list"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("forgedHeaders"));
    }

    void aControlCharacterInTheTokenEndsTheWalk() {
        start("controlInToken");
        const auto error = expectError([&] { _client->customers(_context); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        assertHas(error.what(), "control character");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("customers.list"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("forgedHeaders"));
    }

    void anOversizedAnswerIsNotReadNorRetried() {
        start("", [](ClientOptions& o) {
            o.maxResponseBytes = 3000; // a token answer fits; a page of ten customers does not
        });
        const auto error = expectError([&] { _client->customers(_context); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        assertHas(error.what(), "GET /v1/customers");
        assertHas(error.what(), "larger than 3000 bytes");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("customers.list"));
        CPPUNIT_ASSERT(_logger.count("larger than 3000 bytes") >= 1);
    }

    void aTrickledAnswerTimesOut() {
        start("", [](ClientOptions& o) {
            o.maxAttempts = 2;
            o.callTimeout = std::chrono::milliseconds(300);
        });
        _client->customers(_context); // the token and a connection, before the fault
        emu::FaultSettings faults = _emulator->state().faults();
        faults.slowBodyRate = 1.0;
        faults.slowBodyChunkDelayMs = 100; // each read well inside ioTimeout (2 s)
        _emulator->state().setFaults(faults);
        _emulator->state().counters().reset();
        const auto error = expectError([&] { _client->customers(_context); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::TransientExhausted);
        assertHas(error.what(), "failed after 2 attempts");
        assertHas(error.what(), "took longer than 300 ms");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("customers.list"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientHostileAnswerTest);
