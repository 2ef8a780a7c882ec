#include "gateway/AzureEntitlementParser.h"
#include "gateway/GatewayError.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/Fixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using namespace ict::gateway::test;

// The Azure subscriptions under an Azure plan, in the documented collection shape.
class AzureEntitlementParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AzureEntitlementParserTest);
    CPPUNIT_TEST(itemsWithIdsAndStatusLowerCased);
    CPPUNIT_TEST(aMissingPlanIdIsThePlanAskedFor);
    CPPUNIT_TEST(anItemWithoutIdNamesIt);
    CPPUNIT_TEST_SUITE_END();

    const std::string kCall = "GET azureEntitlements";
    const std::string kPlan = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

public:
    void itemsWithIdsAndStatusLowerCased() {
        const auto page =
            parseAzureEntitlementPage(withBom(fixture("azure-entitlements.json")), kCall, kPlan);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), page.items.size());
        CPPUNIT_ASSERT_EQUAL(std::string("7b3a9e21-5c4d-4e8f-9a1b-2c3d4e5f6a7b"), page.items[0].id);
        CPPUNIT_ASSERT_EQUAL(std::string("Production"), page.items[0].friendlyName);
        CPPUNIT_ASSERT_EQUAL(std::string("active"), page.items[0].status);
        CPPUNIT_ASSERT_EQUAL(kPlan, page.items[0].planSubscriptionId);
        CPPUNIT_ASSERT_EQUAL(std::string("disabled"), page.items[1].status);
        CPPUNIT_ASSERT(page.items[2].friendlyName.empty());
        CPPUNIT_ASSERT(!page.hasMore());
    }

    void aMissingPlanIdIsThePlanAskedFor() {
        const auto page = parseAzureEntitlementPage(fixture("azure-entitlements.json"), kCall,
                                                    "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D");
        CPPUNIT_ASSERT_EQUAL(kPlan, page.items[1].planSubscriptionId);
    }

    void anItemWithoutIdNamesIt() {
        const std::string body = replaced(fixture("azure-entitlements.json"),
                                          "\"id\": \"0f1e2d3c-4b5a-4968-8776-655443322110\",", "");
        const auto error = expectError([&] { parseAzureEntitlementPage(body, kCall, kPlan); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        CPPUNIT_ASSERT(std::string(error.what()).find("items[1].id") != std::string::npos);
        CPPUNIT_ASSERT(std::string(error.what()).find(kCall) != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AzureEntitlementParserTest);
