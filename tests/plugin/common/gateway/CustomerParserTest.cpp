#include "gateway/CustomerParser.h"
#include "gateway/GatewayError.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/Fixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using ict::gateway::test::expectError;
using ict::gateway::test::fixture;
using ict::gateway::test::replaced;
using ict::gateway::test::withBom;

class CustomerParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CustomerParserTest);
    CPPUNIT_TEST(pageWithNextLink);
    CPPUNIT_TEST(singleCustomerWithReseller);
    CPPUNIT_TEST(bomAndUnknownFieldsTolerated);
    CPPUNIT_TEST(missingIdNamesCallAndField);
    CPPUNIT_TEST(missingItemsIsMalformed);
    CPPUNIT_TEST(notJsonIsMalformed);
    CPPUNIT_TEST(lastPageHasNoMore);
    CPPUNIT_TEST_SUITE_END();

public:
    void pageWithNextLink() {
        const auto page = parseCustomerPage(fixture("customers-page.json"), "GET /v1/customers");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), page.items.size());
        CPPUNIT_ASSERT_EQUAL(std::string("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
                             page.items[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("Northwind Lab"), page.items[0].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("northwindlab.onmicrosoft.com"),
                             page.items[0].primaryDomain);
        CPPUNIT_ASSERT_EQUAL(std::string("reseller"), page.items[1].relationshipToPartner);
        CPPUNIT_ASSERT_EQUAL(std::string("c2VlazpwYWdlLTI="), page.continuationToken);
        CPPUNIT_ASSERT(page.hasNextLink);
        CPPUNIT_ASSERT(page.hasMore());
        CPPUNIT_ASSERT_EQUAL(std::string("/customers?size=2&seekOperation=Next"), page.next.uri);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), page.next.headers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("MS-ContinuationToken"), page.next.headers[0].first);
        CPPUNIT_ASSERT_EQUAL(std::string("c2VlazpwYWdlLTI="), page.next.headers[0].second);
    }

    void singleCustomerWithReseller() {
        const auto customer = parseCustomer(fixture("customer.json"), "GET /v1/customers/{id}");
        CPPUNIT_ASSERT_EQUAL(std::string("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
                             customer.tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4"),
                             customer.associatedPartnerId);
    }

    void bomAndUnknownFieldsTolerated() {
        std::string body =
            replaced(fixture("customer.json"), "\"relationshipToPartner\": \"reseller\"",
                     "\"relationshipToPartner\": \"galactic_partner\", "
                     "\"newField\": {\"deep\": [1, 2, {\"x\": null}]}");
        body = replaced(body, "\"id\": \"0f1e2d3c", "\"id\": \"0F1E2D3C");
        const auto customer = parseCustomer(withBom(body), "GET /v1/customers/{id}");
        CPPUNIT_ASSERT_EQUAL(std::string("galactic_partner"), customer.relationshipToPartner);
        CPPUNIT_ASSERT_EQUAL(std::string("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
                             customer.tenantId);
    }

    void missingIdNamesCallAndField() {
        const std::string body = replaced(fixture("customers-page.json"),
                                          "\"id\": \"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",", "");
        const auto error = expectError([&] { parseCustomerPage(body, "GET /v1/customers"); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        const std::string text = error.what();
        CPPUNIT_ASSERT_MESSAGE(text, text.find("GET /v1/customers") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(text, text.find("items[1].id") != std::string::npos);
    }

    void missingItemsIsMalformed() {
        const auto error = expectError(
            [] { parseCustomerPage("{\"totalCount\": 0, \"links\": {}}", "GET /v1/customers"); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
        CPPUNIT_ASSERT(std::string(error.what()).find("'items'") != std::string::npos);
    }

    void notJsonIsMalformed() {
        for (const char* body :
             {"<html>Service Unavailable</html>", "", "[1,2]", "{\"items\": [", "\xEF\xBB\xBF"}) {
            const auto error = expectError([&] { parseCustomerPage(body, "GET /v1/customers"); });
            CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::MalformedResponse);
            CPPUNIT_ASSERT(std::string(error.what()).find("GET /v1/customers") == 0);
        }
    }

    void lastPageHasNoMore() {
        const auto page = parseCustomerPage(
            "{\"totalCount\":1,\"items\":[{\"id\":\"a\"}],\"links\":{\"self\":{\"uri\":\"/x\"}}}",
            "GET /v1/customers");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), page.items.size());
        CPPUNIT_ASSERT(!page.hasMore());
        CPPUNIT_ASSERT(page.items[0].companyName.empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CustomerParserTest);
