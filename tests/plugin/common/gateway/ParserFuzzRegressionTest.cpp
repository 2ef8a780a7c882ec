#include "gateway/ApiErrorBody.h"
#include "gateway/GatewayError.h"
#include "gateway/SubscriptionParser.h"
#include "gateway/TokenResponse.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;

// Inputs that broke a parser's contract (found by tests/fuzz/PartnerCenterParsersFuzzer.cpp):
// each must now give a value or a GatewayError(MalformedResponse), and ApiErrorBody nothing.
class ParserFuzzRegressionTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ParserFuzzRegressionTest);
    CPPUNIT_TEST(integerAboveInt64IsMalformed);
    CPPUNIT_TEST(realOutsideInt64IsMalformed);
    CPPUNIT_TEST(largestInt64StillReads);
    CPPUNIT_TEST(tokenLifetimeAboveInt64IsMalformed);
    CPPUNIT_TEST(hugeRetryHintIsIgnored);
    CPPUNIT_TEST_SUITE_END();

public:
    static std::string subscriptionsWithQuantity(const std::string& quantity) {
        return R"({"items":[{"id":"s1","offerId":"o1","quantity":)" + quantity + "}]}";
    }

    static void assertMalformed(const std::string& body, const std::string& field) {
        try {
            parseSubscriptionPage(body, "GET /v1/customers/{id}/subscriptions", "t1");
            CPPUNIT_FAIL("accepted " + body);
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::MalformedResponse);
            CPPUNIT_ASSERT_MESSAGE(e.what(),
                                   std::string(e.what()).find(field) != std::string::npos);
        }
    }

    // Poco's JSON parser keeps 18446744073709551615 as UInt64; converting it to Int64 threw
    // Poco::RangeException out of the parser.
    void integerAboveInt64IsMalformed() {
        assertMalformed(subscriptionsWithQuantity("18446744073709551615"), "items[0].quantity");
        assertMalformed(subscriptionsWithQuantity("9223372036854775808"), "items[0].quantity");
    }

    // 1e300 was cast to int64 before the range was known: undefined behaviour (UBSan
    // float-cast-overflow).
    void realOutsideInt64IsMalformed() {
        assertMalformed(subscriptionsWithQuantity("1e300"), "items[0].quantity");
        assertMalformed(subscriptionsWithQuantity("-1e19"), "items[0].quantity");
        assertMalformed(subscriptionsWithQuantity("9223372036854775807.0"), "items[0].quantity");
    }

    void largestInt64StillReads() {
        const auto page = parseSubscriptionPage(subscriptionsWithQuantity("9223372036854775807"),
                                                "GET /v1/customers/{id}/subscriptions", "t1");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(9223372036854775807LL), page.items.at(0).quantity);
        const auto real = parseSubscriptionPage(subscriptionsWithQuantity("-4.0e3"),
                                                "GET /v1/customers/{id}/subscriptions", "t1");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(-4000), real.items.at(0).quantity);
    }

    void tokenLifetimeAboveInt64IsMalformed() {
        try {
            TokenResponse::parse(R"({"access_token":"a.b.c","expires_in":9223372036854775808})",
                                 "POST /oauth2/token");
            CPPUNIT_FAIL("accepted a lifetime above int64");
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::MalformedResponse);
            CPPUNIT_ASSERT(std::string(e.what()).find("expires_in") != std::string::npos);
        }
    }

    // std::stoi threw std::out_of_range out of ApiErrorBody::parse, which never throws.
    void hugeRetryHintIsIgnored() {
        const auto json = ApiErrorBody::parse(
            R"({"statusCode":429,"message":"Try again in 99999999999 seconds."})");
        CPPUNIT_ASSERT_EQUAL(std::string("429"), json.code);
        CPPUNIT_ASSERT(!json.retryAfterSeconds);
        CPPUNIT_ASSERT(!ApiErrorBody::parse("try again in 2147483648 seconds").retryAfterSeconds);
        CPPUNIT_ASSERT_EQUAL(
            2147483647,
            ApiErrorBody::parse("try again in 2147483647 seconds").retryAfterSeconds.value_or(-1));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ParserFuzzRegressionTest);
