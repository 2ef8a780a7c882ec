#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cppunit/extensions/HelperMacros.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

namespace {

/// A loopback TCP port bound and not listening for the object's lifetime.
class BoundPort {
public:
    BoundPort() : _fd(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (_fd < 0 || ::bind(_fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::getsockname(_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("cannot bind a loopback port");
        _port = ntohs(address.sin_port);
    }
    ~BoundPort() {
        if (_fd >= 0)
            ::close(_fd);
    }
    BoundPort(const BoundPort&) = delete;
    BoundPort& operator=(const BoundPort&) = delete;
    std::uint16_t port() const { return _port; }

private:
    int _fd;
    std::uint16_t _port = 0;
};

} // namespace

// A rotated refresh token is never lost and a single-use one never presented twice: against the
// emulator's Entra ID with strict rotation (a redeemed token is retired at once) and its token
// faults: answers lost after the rotation, malformed answers carrying a new token, 503s, a host
// that cannot store, a login host that refuses connections.
class TokenRotationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenRotationTest);
    CPPUNIT_TEST(lostAnswerIsNotSentAgainInTheRun);
    CPPUNIT_TEST(lostAnswerRedeemsANewerTokenTheRecordGotMeanwhile);
    CPPUNIT_TEST(malformedExpiresInStoresTheNewTokenFirst);
    CPPUNIT_TEST(unstoredTokenIsKeptAndPresentedNext);
    CPPUNIT_TEST(serverErrorsOfTheTokenEndpointAreRetriedWithTheSameToken);
    CPPUNIT_TEST(refusedConnectionIsRetriedSinceNothingWasSent);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<EmulatorHarness> _emulator;
    std::unique_ptr<MemoryTokenStore> _store;
    CapturingLogger _logger;
    std::unique_ptr<PartnerCenterClient> _client;
    const RequestContext _run{"eeeeeeee-2222-4333-8444-555555555555", {}};
    std::vector<std::string> _errorTexts;

    void start(const std::function<void(emu::EmulatorOptions&)>& configure = {},
               const std::function<void(bss::sdk::InstanceCredentials&)>& adjust = {}) {
        _emulator = std::make_unique<EmulatorHarness>(
            [&](emu::EmulatorOptions& o) {
                o.compatibility.strictRefreshRotation = true;
                if (configure)
                    configure(o);
            },
            "rotation");
        bss::sdk::InstanceCredentials credentials = _emulator->credentials();
        if (adjust)
            adjust(credentials);
        _store = std::make_unique<MemoryTokenStore>(credentials);
        _client = std::make_unique<PartnerCenterClient>(credentials, *_store, _logger,
                                                        EmulatorHarness::fastOptions());
    }
    std::int64_t count(const std::string& endpoint) {
        return _emulator->state().counters().count(endpoint);
    }
    GatewayError expectError(const std::function<void()>& call) {
        try {
            call();
        } catch (const GatewayError& e) {
            _errorTexts.push_back(e.what());
            return e;
        }
        CPPUNIT_FAIL("expected a GatewayError");
        throw std::logic_error("unreachable");
    }
    emu::RefreshTokenState stateOf(const std::string& token) {
        return _emulator->state().refreshTokenState(token);
    }
    /// No log line or error text holds the app secret, any token the emulator ever issued, or a
    /// form field.
    void assertNothingSecretWritten() {
        std::vector<std::string> texts = _logger.lines();
        texts.insert(texts.end(), _errorTexts.begin(), _errorTexts.end());
        const std::vector<std::string> tokens = _emulator->state().issuedTokens();
        CPPUNIT_ASSERT(!tokens.empty());
        for (const std::string& text : texts) {
            CPPUNIT_ASSERT_MESSAGE(text,
                                   text.find(EmulatorHarness::kAppSecret) == std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("refresh_token=") == std::string::npos);
            for (const std::string& token : tokens)
                CPPUNIT_ASSERT_MESSAGE(text, text.find(token) == std::string::npos);
        }
    }

public:
    void tearDown() override {
        _client.reset();
        _emulator.reset();
    }

    void lostAnswerIsNotSentAgainInTheRun() {
        start([](emu::EmulatorOptions& o) { o.faults.dropTokenAnswers = 1; });
        const std::string initial = _store->refreshToken();
        const GatewayError lost = expectError([&] { _client->customers(_run); });
        CPPUNIT_ASSERT_MESSAGE(lost.what(), lost.kind() == GatewayErrorKind::AnswerLost);
        // Exactly one token request reached Entra, which rotated the token; nothing came back,
        // so the record still holds the token Entra retired, and it was not presented again.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        CPPUNIT_ASSERT(stateOf(initial) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(initial, _store->refreshToken());
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), _store->stored().size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("customers.list"));
        // The same run asks again (a worker after another): refused here, nothing sent.
        const GatewayError again = expectError([&] { _client->customers(_run); });
        CPPUNIT_ASSERT(again.kind() == GatewayErrorKind::AnswerLost);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token"));
        // A later run presents the token once more: here Entra had rotated it, so it is refused
        // as re-consent needed (had the request never reached Entra, it would have worked).
        const GatewayError later = expectError([&] {
            _client->customers({"ffffffff-2222-4333-8444-555555555555", {}});
        });
        CPPUNIT_ASSERT(later.kind() == GatewayErrorKind::NotAuthenticated);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token.reused"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _logger.count("not sent again"));
        assertNothingSecretWritten();
    }

    void lostAnswerRedeemsANewerTokenTheRecordGotMeanwhile() {
        // While the token request is on its way (and its answer lost), the record gets a newer
        // token, as when an admin signs in again or another host stored one: that one has never
        // been presented, so it is redeemed, not the one whose answer was lost.
        start([](emu::EmulatorOptions& o) {
            o.faults.dropTokenAnswers = 1;
            o.faults.tokenLatencyMs = 300;
        });
        const std::string fresh = _emulator->state().issueRefreshToken();
        std::thread consent([&] {
            while (count("token") < 1)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            _store->setRefreshToken(fresh);
        });
        const auto customers = _client->customers(_run);
        consent.join();
        CPPUNIT_ASSERT(!customers.empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        CPPUNIT_ASSERT(stateOf(fresh) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _store->stored().size());
        CPPUNIT_ASSERT(stateOf(_store->refreshToken()) == emu::RefreshTokenState::Valid);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _logger.count("newer refresh token"));
        assertNothingSecretWritten();
    }

    void malformedExpiresInStoresTheNewTokenFirst() {
        start([](emu::EmulatorOptions& o) { o.faults.malformedExpiresIn = 1; });
        const GatewayError malformed = expectError([&] { _client->customers(_run); });
        CPPUNIT_ASSERT(malformed.kind() == GatewayErrorKind::MalformedResponse);
        const std::string text = malformed.what();
        CPPUNIT_ASSERT_MESSAGE(text, text.find("expires_in") != std::string::npos);
        // The answer's new refresh token is in the record although the answer was refused.
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _store->stored().size());
        CPPUNIT_ASSERT(stateOf(_store->refreshToken()) == emu::RefreshTokenState::Valid);
        // And the next refresh redeems it.
        CPPUNIT_ASSERT(!_client->customers(_run).empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), _store->stored().size());
        assertNothingSecretWritten();
    }

    void unstoredTokenIsKeptAndPresentedNext() {
        start();
        const std::string initial = _store->refreshToken();
        _store->failStores(1);
        // The store failed, but the access token is good and the run goes on.
        CPPUNIT_ASSERT(!_client->customers(_run).empty());
        CPPUNIT_ASSERT_EQUAL(initial, _store->refreshToken());
        CPPUNIT_ASSERT(stateOf(initial) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _logger.count("could not be stored"));
        // The next refresh presents the token kept in memory, not the record's retired one, and
        // its rotation reaches the record.
        _client->checkToken(_run);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _store->stored().size());
        CPPUNIT_ASSERT(stateOf(_store->refreshToken()) == emu::RefreshTokenState::Valid);
        _client->checkToken(_run);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        assertNothingSecretWritten();
    }

    void serverErrorsOfTheTokenEndpointAreRetriedWithTheSameToken() {
        start([](emu::EmulatorOptions& o) { o.faults.tokenServerErrors = 2; });
        const std::string initial = _store->refreshToken();
        CPPUNIT_ASSERT(!_client->customers(_run).empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("token.reused"));
        CPPUNIT_ASSERT(stateOf(initial) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _store->stored().size());
        assertNothingSecretWritten();
    }

    void refusedConnectionIsRetriedSinceNothingWasSent() {
        // A socket bound but not listening refuses every connection, and holding it keeps the
        // port from the emulator (which binds port 0 next) and from other tests.
        const BoundPort closed;
        start({}, [&](bss::sdk::InstanceCredentials& c) {
            c.loginUrl = "https://127.0.0.1:" + std::to_string(closed.port());
        });
        const GatewayError refused = expectError([&] { _client->customers(_run); });
        const std::string text = refused.what();
        CPPUNIT_ASSERT_MESSAGE(text, refused.kind() == GatewayErrorKind::TransientExhausted);
        CPPUNIT_ASSERT_MESSAGE(text, text.find("after 4 attempts") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), _store->stored().size());
        assertNothingSecretWritten();
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TokenRotationTest);
