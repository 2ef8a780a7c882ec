#include "gateway/AuditRecordParser.h"
#include "gateway/BillingProfileParser.h"
#include "gateway/GatewayError.h"
#include "gateway/ResellerParser.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/Fixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using namespace ict::gateway::test;
using ict::gateway::test::fixture;
using ict::gateway::test::replaced;
using ict::gateway::test::withBom;

// Billing profiles, indirect resellers, MPN profiles and audit records.
class ProfileParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfileParserTest);
    CPPUNIT_TEST(billingProfile);
    CPPUNIT_TEST(billingProfileNotJson);
    CPPUNIT_TEST(resellersAcceptMpnIdOrPartnerId);
    CPPUNIT_TEST(resellerWithoutIdIsMalformed);
    CPPUNIT_TEST(mpnProfile);
    CPPUNIT_TEST(mpnProfileWithoutIdIsMalformed);
    CPPUNIT_TEST(auditRecords);
    CPPUNIT_TEST(auditRecordWithoutTypeIsMalformed);
    CPPUNIT_TEST_SUITE_END();

public:
    void billingProfile() {
        const auto profile =
            parseBillingProfile(withBom(fixture("billing-profile.json")), "GET billing");
        CPPUNIT_ASSERT_EQUAL(std::string("Ada"), profile.firstName);
        CPPUNIT_ASSERT_EQUAL(std::string("billing@northwindlab.example"), profile.email);
        CPPUNIT_ASSERT_EQUAL(std::string("West Yorkshire"), profile.defaultAddress.region);
        CPPUNIT_ASSERT_EQUAL(std::string("GB"), profile.defaultAddress.country);
        CPPUNIT_ASSERT_EQUAL(std::string("LS11 5PS"), profile.defaultAddress.postalCode);
        CPPUNIT_ASSERT(profile.defaultAddress.state.empty());
    }

    void billingProfileNotJson() {
        const auto error = expectError([] { parseBillingProfile("Bad Gateway", "GET billing"); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        const auto typed = expectError(
            [] { parseBillingProfile("{\"defaultAddress\": \"Leeds\"}", "GET billing"); });
        CPPUNIT_ASSERT(std::string(typed.what()).find("defaultAddress") != std::string::npos);
    }

    void resellersAcceptMpnIdOrPartnerId() {
        const auto page = parseResellerPage(fixture("relationships.json"), "GET /v1/relationships");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), page.items.size());
        CPPUNIT_ASSERT_EQUAL(std::string("3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4"),
                             page.items[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("4847383"), page.items[0].mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("1234567"), page.items[1].mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("GB"), page.items[1].location);
        CPPUNIT_ASSERT(!page.hasMore());
    }

    void resellerWithoutIdIsMalformed() {
        const std::string body = replaced(fixture("relationships.json"),
                                          "\"id\": \"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\",", "");
        const auto error = expectError([&] { parseResellerPage(body, "GET /v1/relationships"); });
        CPPUNIT_ASSERT(std::string(error.what()).find("items[1].id") != std::string::npos);
    }

    void mpnProfile() {
        const auto reseller = parseMpnProfile(fixture("mpn-profile.json"), "GET /v1/profiles/mpn");
        CPPUNIT_ASSERT_EQUAL(std::string("4847383"), reseller.mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("Fabrikam Reseller"), reseller.name);
        CPPUNIT_ASSERT(reseller.tenantId.empty());
        const auto numeric = parseMpnProfile("{\"partnerId\": 4847383}", "GET /v1/profiles/mpn");
        CPPUNIT_ASSERT_EQUAL(std::string("4847383"), numeric.mpnId);
    }

    void mpnProfileWithoutIdIsMalformed() {
        const auto error = expectError(
            [] { parseMpnProfile("{\"partnerName\": \"X\"}", "GET /v1/profiles/mpn"); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        CPPUNIT_ASSERT(std::string(error.what()).find("mpnId") != std::string::npos);
    }

    void auditRecords() {
        const auto page =
            parseAuditRecordPage(fixture("auditrecords.json"), "GET /v1/auditrecords");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), page.items.size());
        CPPUNIT_ASSERT_EQUAL(std::string("add_customer"), page.items[0].operationType);
        CPPUNIT_ASSERT_EQUAL(std::string("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
                             page.items[0].customerId);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-11-21T08:00:00Z"), page.items[1].operationDate);
        CPPUNIT_ASSERT(page.hasNextLink);
        CPPUNIT_ASSERT_EQUAL(std::string("/v1/auditrecords?size=2&seekOperation=Next"),
                             page.next.uri);
    }

    void auditRecordWithoutTypeIsMalformed() {
        const std::string body =
            replaced(fixture("auditrecords.json"), "\"operationType\": \"create_order\",", "");
        const auto error = expectError([&] { parseAuditRecordPage(body, "GET /v1/auditrecords"); });
        CPPUNIT_ASSERT(std::string(error.what()).find("items[1].operationType") !=
                       std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProfileParserTest);
