#include "gateway/ApiErrorBody.h"
#include "gateway/GatewayError.h"
#include "gateway/TokenResponse.h"
#include "plugin/common/gateway/support/Fixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using ict::gateway::test::fixture;
using ict::gateway::test::withBom;

// Error bodies of Partner Center, its gateway and Entra ID, and token responses.
class ApiErrorBodyTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ApiErrorBodyTest);
    CPPUNIT_TEST(numericCode);
    CPPUNIT_TEST(stringCodeWithBom);
    CPPUNIT_TEST(throttleMessageShapes);
    CPPUNIT_TEST(entraInvalidGrant);
    CPPUNIT_TEST(garbageGivesEmpty);
    CPPUNIT_TEST(retryAfterHeader);
    CPPUNIT_TEST(tokenResponseStringExpiry);
    CPPUNIT_TEST(tokenResponseErrorsHideTokens);
    CPPUNIT_TEST_SUITE_END();

public:
    void numericCode() {
        const auto error = ApiErrorBody::parse(fixture("error-20002.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("20002"), error.code);
        CPPUNIT_ASSERT_EQUAL(std::string("No relationship between caller and account."),
                             error.description);
    }

    void stringCodeWithBom() {
        const auto error = ApiErrorBody::parse(
            withBom("{\"code\":\"2000\",\"description\":\"Tenant Id must be a GUID.\"}"));
        CPPUNIT_ASSERT_EQUAL(std::string("2000"), error.code);
    }

    void throttleMessageShapes() {
        const auto json = ApiErrorBody::parse("{ \"statusCode\": 429, \"message\": \"Rate limit is "
                                              "exceeded. Try again in 41 seconds.\" }");
        CPPUNIT_ASSERT(json.retryAfterSeconds.has_value());
        CPPUNIT_ASSERT_EQUAL(41, *json.retryAfterSeconds);
        CPPUNIT_ASSERT_EQUAL(std::string("429"), json.code);
        const auto text = ApiErrorBody::parse("Rate limit is exceeded. Try again in 7 seconds.");
        CPPUNIT_ASSERT_EQUAL(7, text.retryAfterSeconds.value_or(-1));
        CPPUNIT_ASSERT(!ApiErrorBody::parse("{\"message\":\"slow down\"}").retryAfterSeconds);
    }

    void entraInvalidGrant() {
        const auto error = ApiErrorBody::parse(
            "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: The refresh token "
            "has expired due to inactivity.\",\"error_codes\":[700082],\"timestamp\":\"x\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("invalid_grant"), error.oauthError);
        CPPUNIT_ASSERT_EQUAL(std::string("AADSTS700082"), error.aadstsCode);
    }

    void garbageGivesEmpty() {
        const auto error = ApiErrorBody::parse("<html>502 Bad Gateway</html>");
        CPPUNIT_ASSERT(error.code.empty());
        CPPUNIT_ASSERT(!error.retryAfterSeconds);
        CPPUNIT_ASSERT(ApiErrorBody::parse("").code.empty());
    }

    void retryAfterHeader() {
        CPPUNIT_ASSERT_EQUAL(41, parseRetryAfterHeader(" 41 ").value_or(-1));
        CPPUNIT_ASSERT(!parseRetryAfterHeader("Wed, 21 Oct 2026 07:28:00 GMT"));
        CPPUNIT_ASSERT(!parseRetryAfterHeader("-3"));
    }

    void tokenResponseStringExpiry() {
        const auto token = TokenResponse::parse(
            "{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"access_token\":\"at-1\","
            "\"refresh_token\":\"rt-2\",\"resource\":\"https://api.partnercenter.microsoft.com\"}",
            "POST token");
        CPPUNIT_ASSERT_EQUAL(std::string("at-1"), token.accessToken);
        CPPUNIT_ASSERT_EQUAL(std::string("rt-2"), token.refreshToken);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3599),
                             static_cast<std::int64_t>(token.expiresIn.count()));
        const auto numeric =
            TokenResponse::parse("{\"expires_in\":60,\"access_token\":\"at\"}", "POST token");
        CPPUNIT_ASSERT(numeric.refreshToken.empty());
    }

    void tokenResponseErrorsHideTokens() {
        const std::string secret = "SECRET-REFRESH-TOKEN-VALUE";
        for (const std::string& body :
             {"{\"refresh_token\":\"" + secret + "\"", "{\"refresh_token\":\"" + secret + "\"}",
              "{\"access_token\":\"x\",\"refresh_token\":\"" + secret +
                  "\",\"expires_in\":\"soon\"}"}) {
            try {
                TokenResponse::parse(body, "POST token");
                CPPUNIT_FAIL("expected a malformed-response error");
            } catch (const GatewayError& e) {
                CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::MalformedResponse);
                CPPUNIT_ASSERT_MESSAGE(e.what(),
                                       std::string(e.what()).find(secret) == std::string::npos);
            }
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ApiErrorBodyTest);
