#include "domain/hierarchy/HierarchyBuilder.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

const std::string kContoso = "11111111-1111-1111-1111-111111111111";
const std::string kFabrikam = "22222222-2222-2222-2222-222222222222";
const std::string kNorthwind = "33333333-3333-3333-3333-333333333333";
const std::string kResellerTenant = "99999999-9999-9999-9999-999999999999";

Customer customer(const std::string& id, const std::string& name,
                  const std::string& associated = "") {
    Customer c;
    c.tenantId = id;
    c.companyName = name;
    c.primaryDomain = name + ".onmicrosoft.com";
    c.associatedPartnerId = associated;
    return c;
}

Subscription subscription(const std::string& id, const std::string& tenant,
                          const std::string& partnerId) {
    Subscription s;
    s.id = id;
    s.customerTenantId = tenant;
    s.partnerId = partnerId;
    s.productTypeId = "OnlineServicesNCE";
    s.offerId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    s.status = "active";
    return s;
}

Reseller reseller(const std::string& mpnId, const std::string& name,
                  const std::string& tenantId = "") {
    Reseller r;
    r.mpnId = mpnId;
    r.name = name;
    r.tenantId = tenantId;
    return r;
}

std::vector<std::string> ids(const TenantRow& row) {
    std::vector<std::string> out;
    for (const SubscriptionRow& s : row.subscriptions)
        out.push_back(s.subscription.id);
    return out;
}

const ResellerRow* findReseller(const Hierarchy& h, const std::string& mpnId) {
    for (const ResellerRow& r : h.resellers)
        if (r.mpnId == mpnId)
            return &r;
    return nullptr;
}

} // namespace

class HierarchyBuilderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyBuilderTest);
    CPPUNIT_TEST(mixedTenantIsDirectAndEndCustomerWithSplitSubscriptions);
    CPPUNIT_TEST(tenantUnderTwoResellers);
    CPPUNIT_TEST(resellerNameFallsBackToMpnProfileThenPlaceholder);
    CPPUNIT_TEST(relationshipWithoutCustomersIsListed);
    CPPUNIT_TEST(tenantWithoutSubscriptionsOnDirectCapableInstanceIsDirect);
    CPPUNIT_TEST(tenantWithoutSubscriptionsOnIndirectInstanceIsUnassigned);
    CPPUNIT_TEST(tenantWithoutSubscriptionsGoesUnderItsAssociatedReseller);
    CPPUNIT_TEST(tenantIdsAreLowerCasedAndDuplicatesDropped);
    CPPUNIT_TEST(subscriptionKindIsClassifiedWhenUnset);
    CPPUNIT_TEST(tenantsAreOrderedByCompanyName);
    CPPUNIT_TEST_SUITE_END();

public:
    void mixedTenantIsDirectAndEndCustomerWithSplitSubscriptions() {
        HierarchyInput input;
        input.customers = {customer(kContoso, "contoso")};
        input.subscriptions = {subscription("s1", kContoso, ""),
                               subscription("s2", kContoso, "4847383"),
                               subscription("s3", kContoso, "")};
        input.relationships = {reseller("4847383", "Adatum Reseller")};
        const Hierarchy h = buildHierarchy(input);

        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        CPPUNIT_ASSERT(h.directTenants[0].placement == TenantPlacement::Direct);
        CPPUNIT_ASSERT(h.directTenants[0].resellerMpnId.empty());
        CPPUNIT_ASSERT(ids(h.directTenants[0]) == std::vector<std::string>({"s1", "s3"}));

        const ResellerRow* adatum = findReseller(h, "4847383");
        CPPUNIT_ASSERT(adatum != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::string("Adatum Reseller"), adatum->name);
        CPPUNIT_ASSERT(adatum->nameSource == ResellerNameSource::Relationship);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), adatum->endCustomers.size());
        CPPUNIT_ASSERT(adatum->endCustomers[0].placement == TenantPlacement::EndCustomer);
        CPPUNIT_ASSERT_EQUAL(std::string("4847383"), adatum->endCustomers[0].resellerMpnId);
        CPPUNIT_ASSERT(ids(adatum->endCustomers[0]) == std::vector<std::string>({"s2"}));
        CPPUNIT_ASSERT(h.unassignedTenants.empty());
    }

    void tenantUnderTwoResellers() {
        HierarchyInput input;
        input.directCapable = false;
        input.customers = {customer(kFabrikam, "fabrikam")};
        input.subscriptions = {subscription("a1", kFabrikam, "100"),
                               subscription("b1", kFabrikam, "200"),
                               subscription("a2", kFabrikam, "100")};
        input.relationships = {reseller("100", "Alpha"), reseller("200", "Beta")};
        const Hierarchy h = buildHierarchy(input);

        CPPUNIT_ASSERT(h.directTenants.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.resellers.size());
        const ResellerRow* alpha = findReseller(h, "100");
        const ResellerRow* beta = findReseller(h, "200");
        CPPUNIT_ASSERT(alpha && beta);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), alpha->endCustomers.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), beta->endCustomers.size());
        CPPUNIT_ASSERT(ids(alpha->endCustomers[0]) == std::vector<std::string>({"a1", "a2"}));
        CPPUNIT_ASSERT(ids(beta->endCustomers[0]) == std::vector<std::string>({"b1"}));
        CPPUNIT_ASSERT_EQUAL(kFabrikam, beta->endCustomers[0].tenantId);
    }

    void resellerNameFallsBackToMpnProfileThenPlaceholder() {
        HierarchyInput input;
        input.customers = {customer(kContoso, "contoso"), customer(kFabrikam, "fabrikam")};
        input.subscriptions = {subscription("s1", kContoso, "555"),
                               subscription("s2", kFabrikam, "777")};
        input.mpnProfiles = {reseller("555", "Profiled Partner Ltd")};
        const Hierarchy h = buildHierarchy(input);

        const ResellerRow* profiled = findReseller(h, "555");
        const ResellerRow* unknown = findReseller(h, "777");
        CPPUNIT_ASSERT(profiled && unknown);
        CPPUNIT_ASSERT_EQUAL(std::string("Profiled Partner Ltd"), profiled->name);
        CPPUNIT_ASSERT(profiled->nameSource == ResellerNameSource::MpnProfile);
        CPPUNIT_ASSERT_EQUAL(std::string("Unknown reseller (MPN 777)"), unknown->name);
        CPPUNIT_ASSERT(unknown->nameSource == ResellerNameSource::Placeholder);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), unknown->endCustomers.size());
    }

    void relationshipWithoutCustomersIsListed() {
        HierarchyInput input;
        input.relationships = {reseller("300", "Idle Reseller", kResellerTenant)};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.resellers.size());
        CPPUNIT_ASSERT(h.resellers[0].endCustomers.empty());
        CPPUNIT_ASSERT_EQUAL(kResellerTenant, h.resellers[0].tenantId);
    }

    void tenantWithoutSubscriptionsOnDirectCapableInstanceIsDirect() {
        HierarchyInput input;
        input.directCapable = true;
        input.customers = {customer(kNorthwind, "northwind")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        CPPUNIT_ASSERT(h.directTenants[0].subscriptions.empty());
        CPPUNIT_ASSERT(h.unassignedTenants.empty());
    }

    void tenantWithoutSubscriptionsOnIndirectInstanceIsUnassigned() {
        HierarchyInput input;
        input.directCapable = false;
        input.customers = {customer(kNorthwind, "northwind")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT(h.directTenants.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.unassignedTenants.size());
        CPPUNIT_ASSERT(h.unassignedTenants[0].placement == TenantPlacement::Unassigned);
    }

    void tenantWithoutSubscriptionsGoesUnderItsAssociatedReseller() {
        HierarchyInput input;
        input.directCapable = false;
        input.customers = {
            customer(kNorthwind, "northwind", "99999999-9999-9999-9999-99999999999A")};
        input.relationships = {
            reseller("300", "Home Reseller", "99999999-9999-9999-9999-99999999999a")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT(h.unassignedTenants.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.resellers[0].endCustomers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("300"), h.resellers[0].endCustomers[0].resellerMpnId);
    }

    void tenantIdsAreLowerCasedAndDuplicatesDropped() {
        HierarchyInput input;
        input.customers = {customer("ABCDEF00-1111-1111-1111-111111111111", "upper"),
                           customer("abcdef00-1111-1111-1111-111111111111", "upper again")};
        input.subscriptions = {subscription("s1", "AbCdEf00-1111-1111-1111-111111111111", "")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("abcdef00-1111-1111-1111-111111111111"),
                             h.directTenants[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants[0].subscriptions.size());
    }

    void subscriptionKindIsClassifiedWhenUnset() {
        HierarchyInput input;
        input.customers = {customer(kContoso, "contoso")};
        Subscription plan = subscription("p1", kContoso, "");
        plan.productTypeId = "Azure";
        plan.offerId = "DZH318Z0BPS6:0001:DZH318Z0BML6";
        input.subscriptions = {plan};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT(h.directTenants[0].subscriptions[0].subscription.kind ==
                       SubscriptionKind::AzurePlan);
    }

    void tenantsAreOrderedByCompanyName() {
        HierarchyInput input;
        input.customers = {customer(kContoso, "zeta"), customer(kFabrikam, "Alpha"),
                           customer(kNorthwind, "beta")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT_EQUAL(std::string("Alpha"), h.directTenants[0].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("beta"), h.directTenants[1].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("zeta"), h.directTenants[2].companyName);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyBuilderTest);
