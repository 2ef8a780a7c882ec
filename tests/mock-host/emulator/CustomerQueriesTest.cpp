#include "data/AzureEntitlements.h"
#include "mock-host/emulator/EmulatorTestSupport.h"

#include <Poco/JSON/Array.h>
#include <Poco/UTF8String.h>

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace emulatortest;
using mockhost::emulator::Customer;
using mockhost::emulator::DataSet;

class CustomerQueriesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CustomerQueriesTest);
    CPPUNIT_TEST(companyNameFilterIsCaseInsensitivePrefix);
    CPPUNIT_TEST(domainAndIndirectResellerFilters);
    CPPUNIT_TEST(rejectsUnsupportedFilter);
    CPPUNIT_TEST(getsCustomerBillingProfileAndSubscriptions);
    CPPUNIT_TEST(azureEntitlementsOfAnAzurePlan);
    CPPUNIT_TEST(unknownAndDepartedCustomers);
    CPPUNIT_TEST(relationshipsAndMpnProfiles);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _running = std::make_unique<RunningEmulator>();
        _client = std::make_unique<TestClient>(_running->client());
        _access = _running->accessToken();
        _data = _running->emulator->state().snapshot();
    }
    void tearDown() override {
        _client.reset();
        _running.reset();
    }

    void companyNameFilterIsCaseInsensitivePrefix() {
        const Customer* ascii = nullptr;
        const Customer* unicode = nullptr;
        for (const auto& customer : _data.customers) {
            const bool plain = static_cast<unsigned char>(customer.companyName[1]) < 0x80 &&
                               static_cast<unsigned char>(customer.companyName[0]) < 0x80;
            if (plain && !ascii)
                ascii = &customer;
            if (!plain && !unicode)
                unicode = &customer;
        }
        CPPUNIT_ASSERT(ascii && unicode);
        const std::string prefix = Poco::UTF8::toUpper(ascii->companyName.substr(0, 3));
        std::set<std::string> expected;
        for (const auto& customer : _data.customers)
            if (Poco::UTF8::toLower(customer.companyName).rfind(Poco::UTF8::toLower(prefix), 0) ==
                0)
                expected.insert(customer.id);
        CPPUNIT_ASSERT(expected.count(ascii->id) == 1);
        CPPUNIT_ASSERT(expected.size() < _data.customers.size());
        CPPUNIT_ASSERT(filtered("CompanyName", prefix) == expected);
        // Case folding works beyond ASCII too ("MÜLLER" finds "Müller").
        const std::set<std::string> byUnicode =
            filtered("CompanyName", Poco::UTF8::toUpper(unicode->companyName));
        CPPUNIT_ASSERT(byUnicode.count(unicode->id) == 1);
    }

    void domainAndIndirectResellerFilters() {
        const auto& customer = _data.customers[5];
        const std::set<std::string> byDomain = filtered("Domain", customer.domain);
        CPPUNIT_ASSERT(byDomain.count(customer.id) == 1);

        CPPUNIT_ASSERT(!_data.resellers.empty());
        const std::string reseller = _data.resellers.front().id;
        std::set<std::string> expected;
        for (const auto& c : _data.customers)
            for (const auto& r : c.resellerIds)
                if (r == reseller)
                    expected.insert(c.id);
        CPPUNIT_ASSERT(!expected.empty());
        CPPUNIT_ASSERT(filtered("IndirectReseller", reseller) == expected);
    }

    void rejectsUnsupportedFilter() {
        const HttpResult result =
            _client->get("/v1/customers?size=5&filter=" +
                             encode(R"({"Field":"Country","Value":"x","Operator":"starts_with"})"),
                         _access);
        CPPUNIT_ASSERT_EQUAL(400, result.status);
        CPPUNIT_ASSERT(result.json()->getValue<std::string>("description").find("Country") !=
                       std::string::npos);
    }

    void getsCustomerBillingProfileAndSubscriptions() {
        const auto& customer = _data.customers[1];
        const auto full = get("/v1/customers/" + customer.id);
        CPPUNIT_ASSERT_EQUAL(
            customer.companyName,
            full->getObject("companyProfile")->getValue<std::string>("companyName"));
        CPPUNIT_ASSERT_EQUAL(customer.billingProfile.email,
                             full->getObject("billingProfile")->getValue<std::string>("email"));
        const auto billing = get("/v1/customers/" + customer.id + "/profiles/billing");
        CPPUNIT_ASSERT_EQUAL(std::string("CustomerBillingProfile"),
                             billing->getObject("attributes")->getValue<std::string>("objectType"));

        // The customer with the most subscriptions gets them all in one collection.
        const auto* busiest = &_data.customers[0];
        for (const auto& c : _data.customers)
            if (c.subscriptions.size() > busiest->subscriptions.size())
                busiest = &c;
        const auto subscriptions = get("/v1/customers/" + busiest->id + "/subscriptions");
        CPPUNIT_ASSERT_EQUAL(int(busiest->subscriptions.size()),
                             subscriptions->getValue<int>("totalCount"));
        const auto items = subscriptions->getArray("items");
        CPPUNIT_ASSERT_EQUAL(busiest->subscriptions.size(), items->size());
        const auto first = items->getObject(0);
        CPPUNIT_ASSERT_EQUAL(busiest->subscriptions[0].offerId,
                             first->getValue<std::string>("offerId"));
        CPPUNIT_ASSERT(first->has("partnerId"));
        CPPUNIT_ASSERT(first->has("commitmentEndDate"));
    }

    void azureEntitlementsOfAnAzurePlan() {
        std::size_t plans = 0, entitlements = 0, disabled = 0;
        const Customer* holder = nullptr;
        const mockhost::emulator::Subscription* firstPlan = nullptr;
        const mockhost::emulator::Subscription* other = nullptr;
        for (const auto& customer : _data.customers)
            for (const auto& subscription : customer.subscriptions) {
                if (!mockhost::emulator::isAzurePlan(subscription)) {
                    if (!other && holder == &customer)
                        other = &subscription;
                    continue;
                }
                ++plans;
                for (const auto& e : mockhost::emulator::azureEntitlementsOf(subscription)) {
                    ++entitlements;
                    disabled += e.status == "disabled";
                }
                if (!firstPlan) {
                    firstPlan = &subscription;
                    holder = &customer;
                }
            }
        CPPUNIT_ASSERT(firstPlan && plans > 5);
        // Several per plan on average, some of them disabled, as a real partner's would be.
        CPPUNIT_ASSERT(entitlements > plans && disabled > 0 && disabled < entitlements);

        const std::string base = "/v1/customers/" + holder->id + "/subscriptions/";
        const auto answer = get(base + firstPlan->id + "/azureEntitlements");
        const auto expected = mockhost::emulator::azureEntitlementsOf(*firstPlan);
        const auto items = answer->getArray("items");
        CPPUNIT_ASSERT_EQUAL(expected.size(), items->size());
        CPPUNIT_ASSERT_EQUAL(int(expected.size()), answer->getValue<int>("totalCount"));
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const auto item = items->getObject(static_cast<unsigned>(i));
            CPPUNIT_ASSERT_EQUAL(expected[i].id, item->getValue<std::string>("id"));
            CPPUNIT_ASSERT_EQUAL(expected[i].status, item->getValue<std::string>("status"));
            CPPUNIT_ASSERT_EQUAL(firstPlan->id, item->getValue<std::string>("subscriptionId"));
            CPPUNIT_ASSERT_EQUAL(
                std::string("AzureEntitlement"),
                item->getObject("attributes")->getValue<std::string>("objectType"));
        }
        // The same plan answers the same Azure subscriptions every time.
        const auto again = get(base + firstPlan->id + "/azureEntitlements")->getArray("items");
        CPPUNIT_ASSERT_EQUAL(items->getObject(0)->getValue<std::string>("id"),
                             again->getObject(0)->getValue<std::string>("id"));
        if (other)
            CPPUNIT_ASSERT_EQUAL(
                std::size_t(0),
                get(base + other->id + "/azureEntitlements")->getArray("items")->size());
        const HttpResult unknown =
            _client->get(base + "00000000-0000-4000-8000-000000000000/azureEntitlements", _access);
        CPPUNIT_ASSERT_EQUAL(404, unknown.status);
        CPPUNIT_ASSERT_EQUAL(20003, unknown.json()->getValue<int>("code"));
    }

    void unknownAndDepartedCustomers() {
        const HttpResult unknown =
            _client->get("/v1/customers/00000000-0000-4000-8000-000000000000", _access);
        CPPUNIT_ASSERT_EQUAL(404, unknown.status);
        CPPUNIT_ASSERT_EQUAL(std::string("PartnerFD"),
                             unknown.json()->getValue<std::string>("source"));
        const HttpResult notGuid = _client->get("/v1/customers/contoso", _access);
        CPPUNIT_ASSERT_EQUAL(400, notGuid.status);
        CPPUNIT_ASSERT_EQUAL(2000, notGuid.json()->getValue<int>("code"));

        const std::string leaving = _data.customers[2].id;
        _running->emulator->state().markCustomerLeft(leaving);
        const HttpResult left = _client->get("/v1/customers/" + leaving, _access);
        CPPUNIT_ASSERT_EQUAL(403, left.status);
        CPPUNIT_ASSERT_EQUAL(20002, left.json()->getValue<int>("code"));
        CPPUNIT_ASSERT_EQUAL(
            403, _client->get("/v1/customers/" + leaving + "/subscriptions", _access).status);
        const auto page = get("/v1/customers?size=500");
        CPPUNIT_ASSERT_EQUAL(_data.customers.size() - 1, page->getArray("items")->size());
    }

    void relationshipsAndMpnProfiles() {
        const auto relationships =
            get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf");
        CPPUNIT_ASSERT_EQUAL(int(_data.resellers.size()),
                             relationships->getValue<int>("totalCount"));
        const auto first = relationships->getArray("items")->getObject(0);
        CPPUNIT_ASSERT_EQUAL(_data.resellers[0].mpnId, first->getValue<std::string>("mpnId"));
        CPPUNIT_ASSERT_EQUAL(std::string("is_indirect_cloud_solution_provider_of"),
                             first->getValue<std::string>("relationshipType"));

        const auto mpn = get("/v1/profiles/mpn?mpnId=" + _data.resellers[0].mpnId);
        CPPUNIT_ASSERT_EQUAL(_data.resellers[0].name, mpn->getValue<std::string>("partnerName"));
        const HttpResult unknown = _client->get("/v1/profiles/mpn?mpnId=9999999", _access);
        CPPUNIT_ASSERT_EQUAL(404, unknown.status);
        CPPUNIT_ASSERT_EQUAL(3000, unknown.json()->getValue<int>("code"));
    }

private:
    static std::string encode(const std::string& text) {
        std::string encoded;
        Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]\"{}", encoded);
        return encoded;
    }

    Poco::JSON::Object::Ptr get(const std::string& uri) {
        const HttpResult result = _client->get(uri, _access);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(uri + ": " + result.body, 200, result.status);
        return result.json();
    }

    std::set<std::string> filtered(const std::string& field, const std::string& value) {
        const std::string filter =
            R"({"Field":")" + field + R"(","Value":")" + value + R"(","Operator":"starts_with"})";
        const auto page = get("/v1/customers?size=500&filter=" + encode(filter));
        std::set<std::string> ids;
        const auto items = page->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            ids.insert(items->getObject(unsigned(i))->getValue<std::string>("id"));
        return ids;
    }

    std::unique_ptr<RunningEmulator> _running;
    std::unique_ptr<TestClient> _client;
    std::string _access;
    DataSet _data;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CustomerQueriesTest);
