#include "data/AzureEntitlements.h"
#include "gateway/GatewayError.h"
#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/ExpectError.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <Poco/String.h>

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <set>

using namespace ict::gateway;
using namespace ict::gateway::test;
namespace emu = mockhost::emulator;

// Every read endpoint of the client against the emulator over real TLS.
class ClientEndpointsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClientEndpointsTest);
    CPPUNIT_TEST(customersAllPagesRelativeLinks);
    CPPUNIT_TEST(customersAllPagesV1Links);
    CPPUNIT_TEST(exhaustedContinuationAs400EndsTheWalk);
    CPPUNIT_TEST(pagesArriveOneAtATime);
    CPPUNIT_TEST(customerById);
    CPPUNIT_TEST(unknownCustomerIsNotFound);
    CPPUNIT_TEST(customerThatLeftIsTyped);
    CPPUNIT_TEST(customerThatLeftWithStringCode);
    CPPUNIT_TEST(customerByDomainIsExact);
    CPPUNIT_TEST(customersByCompanyName);
    CPPUNIT_TEST(resellersAndTheirCustomers);
    CPPUNIT_TEST(subscriptionsClassified);
    CPPUNIT_TEST(azureEntitlementsOfAPlan);
    CPPUNIT_TEST(billingProfile);
    CPPUNIT_TEST(resellerByMpnId);
    CPPUNIT_TEST(auditRecordsSinceDate);
    CPPUNIT_TEST(cancelledBetweenPages);
    CPPUNIT_TEST(keepAliveReusesConnections);
    CPPUNIT_TEST_SUITE_END();

    std::unique_ptr<EmulatorHarness> _emulator;
    std::unique_ptr<MemoryTokenStore> _store;
    CapturingLogger _logger;
    std::unique_ptr<PartnerCenterClient> _client;
    RequestContext _context{"11111111-2222-4333-8444-555555555555", {}};

    void start(int tenants, int pageSize,
               const std::function<void(emu::EmulatorOptions&)>& configure = {}) {
        _emulator = std::make_unique<EmulatorHarness>([&](emu::EmulatorOptions& options) {
            options.data.tenantCount = tenants;
            if (configure)
                configure(options);
        });
        _store = std::make_unique<MemoryTokenStore>(_emulator->credentials());
        ClientOptions options = EmulatorHarness::fastOptions();
        options.pageSize = pageSize;
        _client = std::make_unique<PartnerCenterClient>(_emulator->credentials(), *_store, _logger,
                                                        options);
    }

    std::set<std::string> visibleCustomerIds() {
        return _emulator->state().withData([](const emu::DataSet& data) {
            std::set<std::string> ids;
            for (const auto& customer : data.customers)
                if (!customer.left)
                    ids.insert(customer.id);
            return ids;
        });
    }

    emu::Customer someCustomer(const std::function<bool(const emu::Customer&)>& wanted) {
        return _emulator->state().withData([&](const emu::DataSet& data) {
            for (const auto& customer : data.customers)
                if (wanted(customer))
                    return customer;
            throw std::runtime_error("the generated data set has no such customer");
        });
    }

    void assertAllCustomers() {
        std::set<std::string> seen;
        for (const auto& customer : _client->customers(_context)) {
            CPPUNIT_ASSERT_MESSAGE("listed twice: " + customer.tenantId,
                                   seen.insert(customer.tenantId).second);
            CPPUNIT_ASSERT(!customer.primaryDomain.empty());
        }
        CPPUNIT_ASSERT(seen == visibleCustomerIds());
    }

public:
    void tearDown() override {
        _client.reset();
        _emulator.reset();
    }

    void customersAllPagesRelativeLinks() {
        start(53, 10);
        assertAllCustomers();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(6),
                             _emulator->state().counters().count("customers.list"));
    }

    void customersAllPagesV1Links() {
        start(53, 10, [](emu::EmulatorOptions& o) { o.compatibility.nextLinkWithV1 = true; });
        assertAllCustomers();
    }

    void exhaustedContinuationAs400EndsTheWalk() {
        start(40, 10,
              [](emu::EmulatorOptions& o) { o.compatibility.exhaustedContinuationAs400 = true; });
        assertAllCustomers();
        // Four full pages, then the continuation that Partner Center answers 400 code 2000.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5),
                             _emulator->state().counters().count("customers.list"));
    }

    void pagesArriveOneAtATime() {
        start(25, 10);
        std::vector<std::size_t> sizes;
        _client->forEachCustomerPage(_context, [&](const std::vector<ict::domain::Customer>& page) {
            sizes.push_back(page.size());
        });
        CPPUNIT_ASSERT(sizes == (std::vector<std::size_t>{10, 10, 5}));
    }

    void customerById() {
        start(10, 100);
        const auto expected = someCustomer([](const emu::Customer&) { return true; });
        const auto customer = _client->customer(_context, Poco::toUpper(expected.id));
        CPPUNIT_ASSERT_EQUAL(expected.id, customer.tenantId);
        CPPUNIT_ASSERT_EQUAL(expected.companyName, customer.companyName);
        CPPUNIT_ASSERT_EQUAL(expected.domain, customer.primaryDomain);
    }

    void unknownCustomerIsNotFound() {
        start(5, 100);
        const auto error = expectError(
            [&] { _client->customer(_context, "00000000-0000-4000-8000-000000000000"); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::NotFound);
        CPPUNIT_ASSERT_EQUAL(404, error.httpStatus());
        CPPUNIT_ASSERT_EQUAL(std::string("GET /v1/customers/{id}"), error.call());
        const auto subscriptions = expectError(
            [&] { _client->subscriptions(_context, "00000000-0000-4000-8000-000000000000"); });
        CPPUNIT_ASSERT(subscriptions.kind() == GatewayErrorKind::NotFound);
    }

    void customerThatLeftIsTyped() {
        start(5, 100);
        const auto gone = someCustomer([](const emu::Customer&) { return true; });
        _emulator->state().markCustomerLeft(gone.id);
        const auto error = expectError([&] { _client->customer(_context, gone.id); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::CustomerLeft);
        CPPUNIT_ASSERT_EQUAL(std::string("20002"), error.code());
        CPPUNIT_ASSERT_EQUAL(403, error.httpStatus());
        const auto subs = expectError([&] { _client->subscriptions(_context, gone.id); });
        CPPUNIT_ASSERT(subs.kind() == GatewayErrorKind::CustomerLeft);
        assertAllCustomers(); // and it is no longer listed
    }

    void customerThatLeftWithStringCode() {
        start(5, 100, [](emu::EmulatorOptions& o) { o.compatibility.errorCodeAsString = true; });
        const auto gone = someCustomer([](const emu::Customer&) { return true; });
        _emulator->state().markCustomerLeft(gone.id);
        const auto error = expectError([&] { _client->customer(_context, gone.id); });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::CustomerLeft);
        CPPUNIT_ASSERT_EQUAL(std::string("20002"), error.code());
    }

    void customerByDomainIsExact() {
        start(5, 100);
        emu::NewCustomer a;
        a.companyName = "Contoso";
        a.domain = "contoso.onmicrosoft.com";
        emu::NewCustomer b;
        b.companyName = "Contoso Labs";
        b.domain = "contosolabs.onmicrosoft.com";
        _emulator->state().addCustomer(b);
        const auto added = _emulator->state().addCustomer(a);
        const auto found = _client->customerByDomain(_context, "CONTOSO.onmicrosoft.com");
        CPPUNIT_ASSERT(found.has_value());
        CPPUNIT_ASSERT_EQUAL(added.id, found->tenantId);
        CPPUNIT_ASSERT(!_client->customerByDomain(_context, "contoso").has_value());
        CPPUNIT_ASSERT(!_client->customerByDomain(_context, "nobody.onmicrosoft.com").has_value());
    }

    void customersByCompanyName() {
        start(5, 100);
        for (const char* name : {"Zyxel Alpha", "Zyxel Beta", "Other Zyxel"}) {
            emu::NewCustomer spec;
            spec.companyName = name;
            _emulator->state().addCustomer(spec);
        }
        const auto found = _client->customersByCompanyName(_context, "zyxel");
        std::set<std::string> names;
        for (const auto& customer : found)
            names.insert(customer.companyName);
        CPPUNIT_ASSERT(names == (std::set<std::string>{"Zyxel Alpha", "Zyxel Beta"}));
    }

    void resellersAndTheirCustomers() {
        start(60, 7, [](emu::EmulatorOptions& o) { o.data.model = emu::SalesModel::Both; });
        const auto resellers = _client->indirectResellers(_context);
        const auto expected =
            _emulator->state().withData([](const emu::DataSet& data) { return data.resellers; });
        CPPUNIT_ASSERT_EQUAL(expected.size(), resellers.size());
        CPPUNIT_ASSERT(!resellers.empty());
        for (const auto& reseller : expected) {
            const auto match = std::find_if(resellers.begin(), resellers.end(), [&](const auto& r) {
                return r.tenantId == reseller.id;
            });
            CPPUNIT_ASSERT(match != resellers.end());
            CPPUNIT_ASSERT_EQUAL(reseller.mpnId, match->mpnId);
            std::set<std::string> want;
            _emulator->state().withData([&](const emu::DataSet& data) {
                for (const auto& c : data.customers)
                    if (!c.left &&
                        std::count(c.resellerIds.begin(), c.resellerIds.end(), reseller.id))
                        want.insert(c.id);
                return 0;
            });
            std::set<std::string> got;
            for (const auto& c : _client->customersOfReseller(_context, reseller.id))
                got.insert(c.tenantId);
            CPPUNIT_ASSERT(got == want);
        }
    }

    void subscriptionsClassified() {
        start(30, 100);
        const auto customer =
            someCustomer([](const emu::Customer& c) { return c.subscriptions.size() >= 2; });
        const auto subscriptions = _client->subscriptions(_context, customer.id);
        CPPUNIT_ASSERT_EQUAL(customer.subscriptions.size(), subscriptions.size());
        for (std::size_t i = 0; i < subscriptions.size(); ++i) {
            const auto& want = customer.subscriptions[i];
            const auto& got = subscriptions[i];
            CPPUNIT_ASSERT_EQUAL(want.id, got.id);
            CPPUNIT_ASSERT_EQUAL(want.offerId, got.offerId);
            CPPUNIT_ASSERT_EQUAL(std::int64_t(want.quantity), got.quantity);
            CPPUNIT_ASSERT_EQUAL(want.partnerId, got.partnerId);
            CPPUNIT_ASSERT_EQUAL(customer.id, got.customerTenantId);
            CPPUNIT_ASSERT(got.kind ==
                           ict::domain::classifySubscription(want.productTypeId, want.offerId));
            CPPUNIT_ASSERT(got.kind != ict::domain::SubscriptionKind::Unset);
        }
    }

    void azureEntitlementsOfAPlan() {
        start(60, 100);
        const auto customer = someCustomer([](const emu::Customer& c) {
            return std::any_of(c.subscriptions.begin(), c.subscriptions.end(), emu::isAzurePlan);
        });
        const auto plan = *std::find_if(customer.subscriptions.begin(),
                                        customer.subscriptions.end(), emu::isAzurePlan);
        const auto want = emu::azureEntitlementsOf(plan);
        // Upper-case ids in the request are Partner Center's to fold, the answer comes lower case.
        const auto got = _client->azureEntitlements(_context, customer.id, Poco::toUpper(plan.id));
        CPPUNIT_ASSERT_EQUAL(want.size(), got.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(want[i].id, got[i].id);
            CPPUNIT_ASSERT_EQUAL(want[i].friendlyName, got[i].friendlyName);
            CPPUNIT_ASSERT_EQUAL(want[i].status, got[i].status);
            CPPUNIT_ASSERT_EQUAL(plan.id, got[i].planSubscriptionId);
        }
        const auto unknown = expectError([&] {
            _client->azureEntitlements(_context, customer.id,
                                       "00000000-0000-4000-8000-000000000000");
        });
        CPPUNIT_ASSERT(unknown.kind() == GatewayErrorKind::NotFound);
    }

    void billingProfile() {
        start(5, 100);
        const auto customer = someCustomer([](const emu::Customer&) { return true; });
        const auto profile = _client->billingProfile(_context, customer.id);
        CPPUNIT_ASSERT_EQUAL(customer.billingProfile.email, profile.email);
        CPPUNIT_ASSERT_EQUAL(customer.billingProfile.defaultAddress.country,
                             profile.defaultAddress.country);
        CPPUNIT_ASSERT_EQUAL(customer.billingProfile.defaultAddress.city,
                             profile.defaultAddress.city);
    }

    void resellerByMpnId() {
        start(30, 100, [](emu::EmulatorOptions& o) { o.data.model = emu::SalesModel::Indirect; });
        const auto reseller = _emulator->state().withData(
            [](const emu::DataSet& data) { return data.resellers.at(0); });
        const auto found = _client->resellerByMpnId(_context, reseller.mpnId);
        CPPUNIT_ASSERT(found.has_value());
        CPPUNIT_ASSERT_EQUAL(reseller.mpnId, found->mpnId);
        CPPUNIT_ASSERT_EQUAL(reseller.name, found->name);
        CPPUNIT_ASSERT(!_client->resellerByMpnId(_context, "9999999").has_value());
    }

    void auditRecordsSinceDate() {
        start(5, 100);
        emu::NewCustomer spec;
        spec.companyName = "Audited Newcomer";
        const auto added = _emulator->state().addCustomer(spec);
        const auto records = _client->auditRecords(_context, "2020-01-01");
        const auto match = std::find_if(records.begin(), records.end(), [&](const auto& r) {
            return r.customerId == added.id && r.operationType == "add_customer";
        });
        CPPUNIT_ASSERT(match != records.end());
        CPPUNIT_ASSERT(!match->operationDate.empty());
    }

    void cancelledBetweenPages() {
        start(30, 10);
        std::atomic<bool> stop{false};
        RequestContext context{"c", [&] { return stop.load(); }};
        int pages = 0;
        const auto error = expectError([&] {
            _client->forEachCustomerPage(context, [&](const auto&) {
                ++pages;
                stop = true;
            });
        });
        CPPUNIT_ASSERT(error.kind() == GatewayErrorKind::Cancelled);
        CPPUNIT_ASSERT_EQUAL(1, pages);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1),
                             _emulator->state().counters().count("customers.list"));
    }

    void keepAliveReusesConnections() {
        start(40, 5);
        assertAllCustomers();
        CPPUNIT_ASSERT_EQUAL(1, _client->http().sessionsCreated("127.0.0.1", _emulator->port()));
        // Every line names both ids.
        for (const auto& line : _logger.lines()) {
            CPPUNIT_ASSERT_MESSAGE(line, line.find("MS-RequestId=") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(line, line.find(_context.correlationId) != std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientEndpointsTest);
