#include "domain/hierarchy/SavedCustomer.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

TenantRow tenant(const std::string& id, const std::string& name, const std::string& domain,
                 TenantPlacement placement, int subscriptions) {
    TenantRow row;
    row.tenantId = id;
    row.companyName = name;
    row.primaryDomain = domain;
    row.placement = placement;
    row.subscriptions.resize(static_cast<std::size_t>(subscriptions));
    return row;
}

ResellerRow reseller(const std::string& mpnId, const std::string& tenantId,
                     std::vector<TenantRow> endCustomers) {
    ResellerRow row;
    row.mpnId = mpnId;
    row.tenantId = tenantId;
    row.endCustomers = std::move(endCustomers);
    return row;
}

} // namespace

class SavedCustomerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SavedCustomerTest);
    CPPUNIT_TEST(directTenantGivesItsNameAndDomain);
    CPPUNIT_TEST(subscriptionLessEndCustomerKeepsItsReseller);
    CPPUNIT_TEST(endCustomerWithSubscriptionsNeedsNoAssociation);
    CPPUNIT_TEST(unassignedTenantIsFound);
    CPPUNIT_TEST(unknownTenantIsNotFound);
    CPPUNIT_TEST_SUITE_END();

public:
    void directTenantGivesItsNameAndDomain() {
        Hierarchy saved;
        saved.directTenants.push_back(tenant("t1", "Contoso 'Ltd'; --", "contoso.onmicrosoft.com",
                                             TenantPlacement::Direct, 2));
        saved.resellers.push_back(reseller(
            "111", "r-tenant",
            {tenant("t1", "Other name", "other.example", TenantPlacement::EndCustomer, 1)}));
        const std::optional<Customer> found = savedCustomer(saved, "t1");
        CPPUNIT_ASSERT(found);
        CPPUNIT_ASSERT_EQUAL(std::string("t1"), found->tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("Contoso 'Ltd'; --"), found->companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("contoso.onmicrosoft.com"), found->primaryDomain);
        CPPUNIT_ASSERT(found->associatedPartnerId.empty());
    }
    void subscriptionLessEndCustomerKeepsItsReseller() {
        Hierarchy saved;
        saved.resellers.push_back(reseller("111", "", {}));
        saved.resellers.push_back(reseller(
            "222", "reseller-tenant",
            {tenant("t2", "Fabrikam", "fabrikam.example", TenantPlacement::EndCustomer, 0)}));
        const std::optional<Customer> found = savedCustomer(saved, "t2");
        CPPUNIT_ASSERT(found);
        CPPUNIT_ASSERT_EQUAL(std::string("Fabrikam"), found->companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("reseller-tenant"), found->associatedPartnerId);
    }
    void endCustomerWithSubscriptionsNeedsNoAssociation() {
        Hierarchy saved;
        saved.resellers.push_back(reseller(
            "222", "reseller-tenant",
            {tenant("t3", "Tailspin", "tailspin.example", TenantPlacement::EndCustomer, 3)}));
        const std::optional<Customer> found = savedCustomer(saved, "t3");
        CPPUNIT_ASSERT(found);
        CPPUNIT_ASSERT_EQUAL(std::string("Tailspin"), found->companyName);
        CPPUNIT_ASSERT(found->associatedPartnerId.empty());
    }
    void unassignedTenantIsFound() {
        Hierarchy saved;
        saved.unassignedTenants.push_back(
            tenant("t4", "Litware", "litware.example", TenantPlacement::Unassigned, 0));
        const std::optional<Customer> found = savedCustomer(saved, "t4");
        CPPUNIT_ASSERT(found);
        CPPUNIT_ASSERT_EQUAL(std::string("litware.example"), found->primaryDomain);
    }
    void unknownTenantIsNotFound() {
        Hierarchy saved;
        saved.directTenants.push_back(
            tenant("t1", "Contoso", "contoso.example", TenantPlacement::Direct, 1));
        CPPUNIT_ASSERT(!savedCustomer(saved, "t9"));
        CPPUNIT_ASSERT(!savedCustomer(Hierarchy{}, "t1"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SavedCustomerTest);
