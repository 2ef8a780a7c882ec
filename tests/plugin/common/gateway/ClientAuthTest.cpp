#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cppunit/extensions/HelperMacros.h>

#include <thread>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// Token handling against the emulator's Entra ID: reuse, one refresh at a time, rotation stored
// before use, and every way authentication ends in the one typed error.
class ClientAuthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientAuthTest);
    CPPUNIT_TEST(tokenReusedAcrossCalls);
    CPPUNIT_TEST(concurrentCallersShareOneRefresh);
    CPPUNIT_TEST(rotatedTokenStoredBeforeUse);
    CPPUNIT_TEST(tokenRefreshedShortlyBeforeExpiry);
    CPPUNIT_TEST(expiredRefreshToken);
    CPPUNIT_TEST(revokedRefreshToken);
    CPPUNIT_TEST(mfaRequiredAtTokenEndpoint);
    CPPUNIT_TEST(wrongSecret);
    CPPUNIT_TEST(partnerCenter900421);
    CPPUNIT_TEST(revokedAccessTokenRefreshedOnce);
    CPPUNIT_TEST(noSecretInAnyLogLineOrError);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<EmulatorHarness> _emulator;
    std::unique_ptr<MemoryTokenStore> _store;
    CapturingLogger _logger;
    std::unique_ptr<PartnerCenterClient> _client;
    RequestContext _context{"aaaaaaaa-2222-4333-8444-555555555555", {}};
    std::vector<std::string> _errorTexts;

    void start(const std::function<void(emu::EmulatorOptions&)>& configure = {}) {
        _emulator = std::make_unique<EmulatorHarness>(configure);
        _store = std::make_unique<MemoryTokenStore>(_emulator->credentials());
        newClient();
    }
    void newClient() {
        _client.reset();
        _client = std::make_unique<PartnerCenterClient>(_emulator->credentials(), *_store, _logger,
                                                        EmulatorHarness::fastOptions());
    }
    std::int64_t count(const std::string& endpoint) {
        return _emulator->state().counters().count(endpoint);
    }
    std::string anyCustomerId() {
        return _emulator->state().withData(
            [](const emu::DataSet& data) { return data.customers.at(0).id; });
    }
    GatewayError expectNotAuthenticated(const std::string& code) {
        try {
            _client->customers(_context);
        } catch (const GatewayError& e) {
            _errorTexts.push_back(e.what());
            CPPUNIT_ASSERT_MESSAGE(e.what(), e.kind() == GatewayErrorKind::NotAuthenticated);
            CPPUNIT_ASSERT_EQUAL(code, e.code());
            CPPUNIT_ASSERT_MESSAGE(e.what(), std::string(e.what()).find(
                                                 "instance not authenticated or "
                                                 "authentication expired") != std::string::npos);
            return e;
        }
        CPPUNIT_FAIL("expected NotAuthenticated");
        throw std::logic_error("unreachable");
    }

public:
    void tearDown() override {
        _client.reset();
        _emulator.reset();
    }

    void tokenReusedAcrossCalls() {
        start();
        const std::string id = anyCustomerId();
        for (int i = 0; i < 10; ++i)
            _client->customer(_context, id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(10), count("customers.get"));
        CPPUNIT_ASSERT_EQUAL(1, _client->tokenRefreshCount());
    }

    void concurrentCallersShareOneRefresh() {
        start([](emu::EmulatorOptions& o) { o.faults.latencyMs = 50; });
        const std::string id = anyCustomerId();
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&] {
                try {
                    _client->customer(_context, id);
                } catch (...) {
                    ++failures;
                }
            });
        for (auto& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(0, failures.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), count("customers.get"));
    }

    void rotatedTokenStoredBeforeUse() {
        start([](emu::EmulatorOptions& o) { o.compatibility.strictRefreshRotation = true; });
        const std::string initial = _store->refreshToken();
        std::int64_t apiCallsWhenStored = -1;
        _store->beforeStore = [&](const std::string&) {
            apiCallsWhenStored = _emulator->state().counters().total() - count("token");
        };
        _client->customers(_context);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), apiCallsWhenStored);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _store->stored().size());
        CPPUNIT_ASSERT(_store->refreshToken() != initial);
        // A new client (no cached access token) works with the stored token only: under strict
        // rotation the initial one is dead.
        newClient();
        _client->customers(_context);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), _store->stored().size());
        _store->setRefreshToken(initial);
        newClient();
        expectNotAuthenticated("AADSTS50173"); // the emulator treats a redeemed token as revoked
    }

    void tokenRefreshedShortlyBeforeExpiry() {
        start([](emu::EmulatorOptions& o) { o.accessTokenLifetimeSeconds = 2; });
        const std::string id = anyCustomerId();
        _client->customer(_context, id);
        _client->customer(_context, id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), count("token"));
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        _client->customer(_context, id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), _logger.count("HTTP 401"));
    }

    void expiredRefreshToken() {
        start();
        _emulator->state().expireRefreshTokens();
        const auto error = expectNotAuthenticated("AADSTS700082");
        CPPUNIT_ASSERT_EQUAL(400, error.httpStatus());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), count("customers.list"));
    }

    void revokedRefreshToken() {
        start();
        _emulator->state().revokeRefreshTokens();
        expectNotAuthenticated("AADSTS50173");
    }

    void mfaRequiredAtTokenEndpoint() {
        start();
        _emulator->state().requireMfa();
        expectNotAuthenticated("AADSTS50076");
    }

    void wrongSecret() {
        start();
        auto credentials = _emulator->credentials();
        credentials.appSecret = "a-wrong-secret-value";
        _store = std::make_unique<MemoryTokenStore>(credentials);
        newClient();
        expectNotAuthenticated("AADSTS7000215");
    }

    void partnerCenter900421() {
        start();
        _client->customers(_context);
        _emulator->state().expireAccessTokens();
        const auto error = expectNotAuthenticated("900421");
        CPPUNIT_ASSERT_EQUAL(401, error.httpStatus());
    }

    void revokedAccessTokenRefreshedOnce() {
        start();
        _client->customers(_context);
        auto compatibility = _emulator->state().compatibility();
        compatibility.expiredAccessTokenCode = 400;
        _emulator->state().setCompatibility(compatibility);
        _emulator->state().expireAccessTokens();
        const auto customers = _client->customers(_context);
        CPPUNIT_ASSERT(!customers.empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), count("token"));
        CPPUNIT_ASSERT_EQUAL(2, _client->tokenRefreshCount());
    }

    void noSecretInAnyLogLineOrError() {
        start([](emu::EmulatorOptions& o) {
            o.faults.serverErrorRate = 0.2;
            o.faults.cutConnectionRate = 0.1;
        });
        const std::string initial = _store->refreshToken();
        _client->customers(_context);
        _client->subscriptions(_context, anyCustomerId());
        _emulator->state().expireAccessTokens();
        try {
            _client->customers(_context);
        } catch (const GatewayError& e) {
            _errorTexts.push_back(e.what());
        }
        _emulator->state().revokeRefreshTokens();
        newClient();
        expectNotAuthenticated("AADSTS50173");
        std::vector<std::string> secrets{EmulatorHarness::kAppSecret, initial};
        for (const auto& rotated : _store->stored())
            secrets.push_back(rotated);
        CPPUNIT_ASSERT(secrets.size() >= 3);
        auto texts = _logger.lines();
        CPPUNIT_ASSERT(texts.size() >= 4);
        texts.insert(texts.end(), _errorTexts.begin(), _errorTexts.end());
        for (const auto& text : texts) {
            for (const auto& secret : secrets)
                CPPUNIT_ASSERT_MESSAGE(text, text.find(secret) == std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("Bearer") == std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("client_secret") == std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientAuthTest);
