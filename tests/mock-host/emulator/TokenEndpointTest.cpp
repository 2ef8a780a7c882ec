#include "mock-host/emulator/EmulatorTestSupport.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace emulatortest;
namespace emu = mockhost::emulator;

class TokenEndpointTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenEndpointTest);
    CPPUNIT_TEST(redeemsAndRotatesRefreshToken);
    CPPUNIT_TEST(strictRotationRejectsTheOldToken);
    CPPUNIT_TEST(reusedTokensAreCountedAndMayRevokeTheFamily);
    CPPUNIT_TEST(droppedAnswerStillRotatesTheToken);
    CPPUNIT_TEST(malformedExpiresInCarriesTheRotatedToken);
    CPPUNIT_TEST(tokenServerErrorLeavesTheTokenValid);
    CPPUNIT_TEST(tokenFaultsAreSetThroughTheControlApi);
    CPPUNIT_TEST(deadRefreshTokensAnswerInvalidGrantWithAadstsCodes);
    CPPUNIT_TEST(rejectsUnknownTenantAndWrongResource);
    CPPUNIT_TEST(partnerCenterRequiresAValidAccessToken);
    CPPUNIT_TEST(appOnlyTokenIsRefusedByAppUserOnlyApis);
    CPPUNIT_TEST_SUITE_END();

public:
    void redeemsAndRotatesRefreshToken() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string first = running.emulator->initialRefreshToken();
        const HttpResult result = client.redeem(tenant, first);
        CPPUNIT_ASSERT_EQUAL(200, result.status);
        const auto body = result.json();
        CPPUNIT_ASSERT_EQUAL(std::string("Bearer"), body->getValue<std::string>("token_type"));
        CPPUNIT_ASSERT_EQUAL(std::string("3600"), body->getValue<std::string>("expires_in"));
        const std::string rotated = body->getValue<std::string>("refresh_token");
        CPPUNIT_ASSERT(!rotated.empty());
        CPPUNIT_ASSERT(rotated != first);
        // The rotated token works and yields yet another one and a different access token.
        const HttpResult again = client.redeem(tenant, rotated);
        CPPUNIT_ASSERT_EQUAL(200, again.status);
        CPPUNIT_ASSERT(again.json()->getValue<std::string>("refresh_token") != rotated);
        CPPUNIT_ASSERT(again.json()->getValue<std::string>("access_token") !=
                       body->getValue<std::string>("access_token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), running.emulator->state().counters().count("token"));
    }

    void strictRotationRejectsTheOldToken() {
        auto options = RunningEmulator::defaults();
        options.compatibility.strictRefreshRotation = true;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string first = running.emulator->initialRefreshToken();
        CPPUNIT_ASSERT_EQUAL(200, client.redeem(tenant, first).status);
        const HttpResult reused = client.redeem(tenant, first);
        CPPUNIT_ASSERT_EQUAL(400, reused.status);
        CPPUNIT_ASSERT_EQUAL(std::string("invalid_grant"),
                             reused.json()->getValue<std::string>("error"));
    }

    void reusedTokensAreCountedAndMayRevokeTheFamily() {
        auto options = RunningEmulator::defaults();
        options.compatibility.strictRefreshRotation = true;
        RunningEmulator running(options);
        auto& state = running.emulator->state();
        TestClient client = running.client();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string first = running.emulator->initialRefreshToken();
        const std::string second =
            client.redeem(tenant, first).json()->getValue<std::string>("refresh_token");
        CPPUNIT_ASSERT(state.refreshTokenState(first) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), state.counters().count("token.reused"));
        assertInvalidGrant(client.redeem(tenant, first), 50173);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), state.counters().count("token.reused"));
        // Without family revocation the newest token still works.
        const std::string third =
            client.redeem(tenant, second).json()->getValue<std::string>("refresh_token");

        // With it, one reuse kills the whole chain, the newest token included; another consent
        // is untouched.
        emu::CompatibilityOptions compatibility = state.compatibility();
        compatibility.revokeFamilyOnReuse = true;
        state.setCompatibility(compatibility);
        const std::string otherConsent = state.issueRefreshToken();
        assertInvalidGrant(client.redeem(tenant, second), 50173);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), state.counters().count("token.reused"));
        CPPUNIT_ASSERT(state.refreshTokenState(third) == emu::RefreshTokenState::Revoked);
        assertInvalidGrant(client.redeem(tenant, third), 50173);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), state.counters().count("token.reused"));
        CPPUNIT_ASSERT_EQUAL(200, client.redeem(tenant, otherConsent).status);
        CPPUNIT_ASSERT(state.counters().total() == state.counters().count("token"));
    }

    void droppedAnswerStillRotatesTheToken() {
        auto options = RunningEmulator::defaults();
        options.compatibility.strictRefreshRotation = true;
        options.faults.dropTokenAnswers = 1;
        RunningEmulator running(options);
        auto& state = running.emulator->state();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string first = running.emulator->initialRefreshToken();
        TestClient client = running.client();
        CPPUNIT_ASSERT_THROW(client.redeem(tenant, first), Poco::Exception);
        // Entra has rotated: the presented token is retired, and the one it issued never arrived.
        CPPUNIT_ASSERT(state.refreshTokenState(first) == emu::RefreshTokenState::Retired);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), state.counters().count("token"));
        CPPUNIT_ASSERT_EQUAL(0, state.faults().dropTokenAnswers);
        // The fault is used up: the next grant (of a fresh consent) is answered.
        TestClient next = running.client();
        CPPUNIT_ASSERT_EQUAL(200, next.redeem(tenant, state.issueRefreshToken()).status);
    }

    void malformedExpiresInCarriesTheRotatedToken() {
        auto options = RunningEmulator::defaults();
        options.compatibility.strictRefreshRotation = true;
        options.faults.malformedExpiresIn = 1;
        RunningEmulator running(options);
        auto& state = running.emulator->state();
        const std::string tenant = running.emulator->partnerTenantId();
        TestClient client = running.client();
        const HttpResult answer = client.redeem(tenant, running.emulator->initialRefreshToken());
        CPPUNIT_ASSERT_EQUAL(200, answer.status);
        const auto body = answer.json();
        CPPUNIT_ASSERT_EQUAL(std::string("soon"), body->getValue<std::string>("expires_in"));
        CPPUNIT_ASSERT(!body->getValue<std::string>("access_token").empty());
        const std::string rotated = body->getValue<std::string>("refresh_token");
        CPPUNIT_ASSERT(state.refreshTokenState(rotated) == emu::RefreshTokenState::Valid);
        const HttpResult next = client.redeem(tenant, rotated);
        CPPUNIT_ASSERT_EQUAL(200, next.status);
        CPPUNIT_ASSERT_EQUAL(std::string("3600"), next.json()->getValue<std::string>("expires_in"));
    }

    void tokenServerErrorLeavesTheTokenValid() {
        auto options = RunningEmulator::defaults();
        options.compatibility.strictRefreshRotation = true;
        options.faults.tokenServerErrors = 2;
        RunningEmulator running(options);
        auto& state = running.emulator->state();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string first = running.emulator->initialRefreshToken();
        TestClient client = running.client();
        for (int i = 0; i < 2; ++i) {
            const HttpResult refused = client.redeem(tenant, first);
            CPPUNIT_ASSERT_EQUAL(503, refused.status);
            CPPUNIT_ASSERT_EQUAL(std::string("temporarily_unavailable"),
                                 refused.json()->getValue<std::string>("error"));
            CPPUNIT_ASSERT(state.refreshTokenState(first) == emu::RefreshTokenState::Valid);
        }
        CPPUNIT_ASSERT_EQUAL(200, client.redeem(tenant, first).status);
    }

    void tokenFaultsAreSetThroughTheControlApi() {
        RunningEmulator running;
        TestClient client = running.client();
        const HttpResult set =
            client.control("POST", "faults",
                           "{\"tokenLatencyMs\":30,\"tokenServerErrors\":1,\"dropTokenAnswers\":2,"
                           "\"malformedExpiresIn\":3}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(set.body, 200, set.status);
        const emu::FaultSettings faults = running.emulator->state().faults();
        CPPUNIT_ASSERT_EQUAL(30, faults.tokenLatencyMs);
        CPPUNIT_ASSERT_EQUAL(1, faults.tokenServerErrors);
        CPPUNIT_ASSERT_EQUAL(2, faults.dropTokenAnswers);
        CPPUNIT_ASSERT_EQUAL(3, set.json()->getValue<int>("malformedExpiresIn"));
        CPPUNIT_ASSERT_EQUAL(400,
                             client.control("POST", "faults", "{\"dropTokenAnswers\":-1}").status);
        const HttpResult compatibility =
            client.control("POST", "compatibility",
                           "{\"strictRefreshRotation\":true,\"revokeFamilyOnReuse\":true}");
        CPPUNIT_ASSERT_EQUAL(200, compatibility.status);
        CPPUNIT_ASSERT(compatibility.json()->getValue<bool>("revokeFamilyOnReuse"));
        CPPUNIT_ASSERT(running.emulator->state().compatibility().revokeFamilyOnReuse);
    }

    void deadRefreshTokensAnswerInvalidGrantWithAadstsCodes() {
        RunningEmulator running;
        auto& state = running.emulator->state();
        TestClient client = running.client();
        const std::string tenant = running.emulator->partnerTenantId();
        const std::string token = running.emulator->initialRefreshToken();

        state.expireRefreshTokens();
        assertInvalidGrant(client.redeem(tenant, token), 700082);
        state.revokeRefreshTokens();
        assertInvalidGrant(client.redeem(tenant, token), 50173);
        state.requireMfa();
        assertInvalidGrant(client.redeem(tenant, token), 50076);
        assertInvalidGrant(client.redeem(tenant, "0.never-issued"), 9002313);
        // A fresh consent gives a working token again.
        const std::string fresh = state.issueRefreshToken();
        CPPUNIT_ASSERT_EQUAL(200, client.redeem(tenant, fresh).status);
        // The same through the control API.
        CPPUNIT_ASSERT_EQUAL(200, client.control("POST", "tokens/expire-refresh").status);
        assertInvalidGrant(client.redeem(tenant, fresh), 700082);
    }

    void rejectsUnknownTenantAndWrongResource() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string token = running.emulator->initialRefreshToken();
        const HttpResult wrongTenant = client.redeem("00000000-0000-4000-8000-000000000000", token);
        CPPUNIT_ASSERT_EQUAL(400, wrongTenant.status);
        CPPUNIT_ASSERT_EQUAL(std::string("invalid_request"),
                             wrongTenant.json()->getValue<std::string>("error"));
        const HttpResult graph =
            client.redeem(running.emulator->partnerTenantId(), token, "https://graph.windows.net");
        CPPUNIT_ASSERT_EQUAL(400, graph.status);
        CPPUNIT_ASSERT_EQUAL(std::string("invalid_resource"),
                             graph.json()->getValue<std::string>("error"));
    }

    void partnerCenterRequiresAValidAccessToken() {
        RunningEmulator running;
        TestClient client = running.client();
        const HttpResult none = client.get("/v1/customers?size=5", "");
        CPPUNIT_ASSERT_EQUAL(401, none.status);
        CPPUNIT_ASSERT_EQUAL(800001, none.json()->getValue<int>("code"));
        CPPUNIT_ASSERT_EQUAL(401, client.get("/v1/customers?size=5", "forged").status);

        const std::string access = running.accessToken();
        CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=5", access).status);
        running.emulator->state().expireAccessTokens();
        const HttpResult expired = client.get("/v1/customers?size=5", access);
        CPPUNIT_ASSERT_EQUAL(401, expired.status);
        CPPUNIT_ASSERT_EQUAL(900421, expired.json()->getValue<int>("code"));
        CPPUNIT_ASSERT_EQUAL(std::string("PartnerFD"),
                             expired.json()->getValue<std::string>("source"));
    }

    void appOnlyTokenIsRefusedByAppUserOnlyApis() {
        RunningEmulator running;
        TestClient client = running.client();
        const HttpResult token =
            client.request("POST", "/" + running.emulator->partnerTenantId() + "/oauth2/token", {},
                           "grant_type=client_credentials&client_id=app&client_secret=s&resource="
                           "https%3A%2F%2Fapi.partnercenter.microsoft.com",
                           "application/x-www-form-urlencoded");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(token.body, 200, token.status);
        CPPUNIT_ASSERT(!token.json()->has("refresh_token"));
        const std::string access = token.json()->getValue<std::string>("access_token");
        CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=3", access).status);
        const HttpResult resellers = client.get(
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf", access);
        CPPUNIT_ASSERT_EQUAL(403, resellers.status);
        CPPUNIT_ASSERT_EQUAL(900329, resellers.json()->getValue<int>("code"));
        CPPUNIT_ASSERT_EQUAL(403, client.get("/v1/profiles/mpn?mpnId=1", access).status);
    }

private:
    static void assertInvalidGrant(const HttpResult& result, int code) {
        CPPUNIT_ASSERT_EQUAL(400, result.status);
        const auto body = result.json();
        CPPUNIT_ASSERT_EQUAL(std::string("invalid_grant"), body->getValue<std::string>("error"));
        CPPUNIT_ASSERT_EQUAL(code, body->getArray("error_codes")->getElement<int>(0));
        const std::string description = body->getValue<std::string>("error_description");
        CPPUNIT_ASSERT_MESSAGE(description,
                               description.rfind("AADSTS" + std::to_string(code) + ":", 0) == 0);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TokenEndpointTest);
