#include "gateway/SubscriptionParser.h"
#include "gateway/GatewayError.h"
#include "plugin/common/gateway/support/Fixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using ict::domain::SubscriptionKind;
using ict::gateway::test::fixture;
using ict::gateway::test::replaced;
using ict::gateway::test::withBom;

class SubscriptionParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SubscriptionParserTest);
    CPPUNIT_TEST(documentedExampleClassified);
    CPPUNIT_TEST(fieldsRead);
    CPPUNIT_TEST(bomAndStringNumbersTolerated);
    CPPUNIT_TEST(missingOfferIdNamed);
    CPPUNIT_TEST(wrongTypeNamesFieldAndValue);
    CPPUNIT_TEST_SUITE_END();

    const std::string _call = "GET /v1/customers/{id}/subscriptions";
    const std::string _tenant = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

public:
    void documentedExampleClassified() {
        const auto page = parseSubscriptionPage(fixture("subscriptions.json"), _call, _tenant);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), page.items.size());
        CPPUNIT_ASSERT(page.items[0].kind == SubscriptionKind::LegacyLicense);
        CPPUNIT_ASSERT(page.items[1].kind == SubscriptionKind::Nce);
        CPPUNIT_ASSERT(page.items[2].kind == SubscriptionKind::AzurePlan);
        CPPUNIT_ASSERT(!page.hasMore());
        for (const auto& s : page.items)
            CPPUNIT_ASSERT_EQUAL(_tenant, s.customerTenantId);
    }

    void fieldsRead() {
        const auto nce =
            parseSubscriptionPage(fixture("subscriptions.json"), _call, _tenant).items[1];
        CPPUNIT_ASSERT_EQUAL(std::string("b1c2d3e4-0000-4aaa-8bbb-000000000002"), nce.id);
        CPPUNIT_ASSERT_EQUAL(std::string("CFQ7TTC0LH18:0001:CFQ7TTC0K971"), nce.offerId);
        CPPUNIT_ASSERT_EQUAL(std::string("OnlineServicesNCE"), nce.productTypeId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(12), nce.quantity);
        CPPUNIT_ASSERT_EQUAL(std::string("P1Y"), nce.termDuration);
        CPPUNIT_ASSERT_EQUAL(std::string("monthly"), nce.billingCycle);
        CPPUNIT_ASSERT_EQUAL(std::string("4847383"), nce.partnerId);
        CPPUNIT_ASSERT_EQUAL(std::string("2025-05-10T14:03:21.5512093Z"), nce.creationDate);
        CPPUNIT_ASSERT(nce.autoRenewEnabled);
        CPPUNIT_ASSERT(!nce.isDirect());
    }

    void bomAndStringNumbersTolerated() {
        std::string body =
            replaced(fixture("subscriptions.json"), "\"quantity\": 25", "\"quantity\": \"25\"");
        body = replaced(body, "\"status\": \"active\"", "\"status\": \"hibernating\"");
        const auto page = parseSubscriptionPage(withBom(body), _call, _tenant);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(25), page.items[0].quantity);
        CPPUNIT_ASSERT_EQUAL(std::string("hibernating"), page.items[0].status);
    }

    void missingOfferIdNamed() {
        const std::string body = replaced(fixture("subscriptions.json"),
                                          "\"offerId\": \"DZH318Z0BPS6:0001:DZH318Z0BML6\",", "");
        try {
            parseSubscriptionPage(body, _call, _tenant);
            CPPUNIT_FAIL("expected a malformed-response error");
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::MalformedResponse);
            CPPUNIT_ASSERT_MESSAGE(e.what(), std::string(e.what()).find("items[2].offerId") !=
                                                 std::string::npos);
            CPPUNIT_ASSERT_EQUAL(_call, e.call());
        }
    }

    void wrongTypeNamesFieldAndValue() {
        const std::string body =
            replaced(fixture("subscriptions.json"), "\"quantity\": 12", "\"quantity\": \"twelve\"");
        try {
            parseSubscriptionPage(body, _call, _tenant);
            CPPUNIT_FAIL("expected a malformed-response error");
        } catch (const GatewayError& e) {
            const std::string text = e.what();
            CPPUNIT_ASSERT_MESSAGE(text, text.find("items[1].quantity") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("twelve") != std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SubscriptionParserTest);
