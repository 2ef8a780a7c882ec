#include "domain/hierarchy/HierarchyAssembler.h"
#include "domain/hierarchy/HierarchyBuilder.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

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
    s.friendlyName = "A friendly name long enough to live on the heap";
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

/// Every row as "placement/mpn/tenant:sub,sub" in the hierarchy's order, to compare two builds.
std::vector<std::string> rows(const Hierarchy& h) {
    std::vector<std::string> out;
    auto add = [&](const TenantRow& row) {
        std::string line = std::string(tenantPlacementName(row.placement)) + "/" +
                           row.resellerMpnId + "/" + row.tenantId + "/" + row.companyName + ":";
        for (const SubscriptionRow& s : row.subscriptions)
            line += s.subscription.id + "=" + subscriptionKindName(s.subscription.kind) + ",";
        out.push_back(line);
    };
    for (const TenantRow& row : h.directTenants)
        add(row);
    for (const ResellerRow& r : h.resellers) {
        out.push_back("reseller " + r.mpnId + " " + r.name + " " +
                      resellerNameSourceName(r.nameSource));
        for (const TenantRow& row : r.endCustomers)
            add(row);
    }
    for (const TenantRow& row : h.unassignedTenants)
        add(row);
    return out;
}

} // namespace

class HierarchyAssemblerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyAssemblerTest);
    CPPUNIT_TEST(customersAddedOneByOneInAnyOrderGiveTheBuiltHierarchy);
    CPPUNIT_TEST(firstAddedCustomerOfATenantWins);
    CPPUNIT_TEST(partnerIdsAreTheDistinctTrimmedSellersSeen);
    CPPUNIT_TEST(finishLeavesTheAssemblerEmpty);
    CPPUNIT_TEST_SUITE_END();

public:
    void customersAddedOneByOneInAnyOrderGiveTheBuiltHierarchy() {
        const std::string a = "11111111-1111-1111-1111-111111111111";
        const std::string b = "22222222-2222-2222-2222-222222222222";
        const std::string c = "33333333-3333-3333-3333-333333333333";
        const std::string d = "44444444-4444-4444-4444-444444444444";
        HierarchyInput input;
        input.directCapable = true;
        input.relationships = {
            reseller("100", "Reseller One", "99999999-0000-0000-0000-000000000001")};
        input.mpnProfiles = {reseller("200", "Profiled Two")};
        input.customers = {customer(a, "Alpha"), customer(b, "beta"),
                           customer(c, "Gamma", "99999999-0000-0000-0000-000000000001"),
                           customer(d, "delta")};
        input.subscriptions = {subscription("a1", a, ""),      subscription("a2", a, "100"),
                               subscription("b1", b, " 200 "), subscription("a3", a, ""),
                               subscription("b2", b, "300"),   subscription("d1", d, "")};
        const Hierarchy built = buildHierarchy(input);

        // The crawl adds each customer as its subscriptions arrive, in no particular order.
        HierarchyAssembler assembler(input.relationships, input.directCapable);
        assembler.add(input.customers[3], {input.subscriptions[5]});
        assembler.add(input.customers[2], {});
        assembler.add(input.customers[1], {input.subscriptions[2], input.subscriptions[4]});
        assembler.add(input.customers[0],
                      {input.subscriptions[0], input.subscriptions[1], input.subscriptions[3]});
        const Hierarchy streamed = assembler.finish(input.mpnProfiles);

        CPPUNIT_ASSERT_EQUAL(rows(built).size(), rows(streamed).size());
        CPPUNIT_ASSERT(rows(built) == rows(streamed));
        // And the build is what the placement rules say (not merely equal to itself).
        const std::vector<std::string> expected = {
            "direct//11111111-1111-1111-1111-111111111111/Alpha:a1=nce,a3=nce,",
            "direct//44444444-4444-4444-4444-444444444444/delta:d1=nce,",
            "reseller 200 Profiled Two mpn_profile",
            "end_customer/200/22222222-2222-2222-2222-222222222222/beta:b1=nce,",
            "reseller 100 Reseller One relationship",
            "end_customer/100/11111111-1111-1111-1111-111111111111/Alpha:a2=nce,",
            "end_customer/100/33333333-3333-3333-3333-333333333333/Gamma:",
            "reseller 300 Unknown reseller (MPN 300) placeholder",
            "end_customer/300/22222222-2222-2222-2222-222222222222/beta:b2=nce,"};
        const std::vector<std::string> got = rows(streamed);
        for (std::size_t i = 0; i < expected.size() && i < got.size(); ++i)
            CPPUNIT_ASSERT_EQUAL(expected[i], got[i]);
        CPPUNIT_ASSERT_EQUAL(expected.size(), got.size());
    }

    void firstAddedCustomerOfATenantWins() {
        HierarchyAssembler assembler({}, true);
        const std::string id = "AAAAAAAA-1111-1111-1111-111111111111";
        assembler.add(customer(id, "First"), {subscription("s1", id, "")});
        assembler.add(customer(" aaaaaaaa-1111-1111-1111-111111111111", "Second"),
                      {subscription("s2", id, "")});
        assembler.add(customer("", "No id"), {subscription("s3", "", "")});
        const Hierarchy h = assembler.finish({});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("First"), h.directTenants[0].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("aaaaaaaa-1111-1111-1111-111111111111"),
                             h.directTenants[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants[0].subscriptions.size());
        CPPUNIT_ASSERT_EQUAL(std::string("s1"),
                             h.directTenants[0].subscriptions[0].subscription.id);
    }

    void partnerIdsAreTheDistinctTrimmedSellersSeen() {
        HierarchyAssembler assembler({reseller("100", "Known")}, false);
        CPPUNIT_ASSERT(assembler.partnerIds().empty());
        assembler.add(customer("t1", "One"),
                      {subscription("s1", "t1", " 300 "), subscription("s2", "t1", ""),
                       subscription("s3", "t1", "100")});
        assembler.add(customer("t2", "Two"), {subscription("s4", "t2", "300")});
        const std::vector<std::string> expected = {"100", "300"};
        CPPUNIT_ASSERT(expected == assembler.partnerIds());
    }

    void finishLeavesTheAssemblerEmpty() {
        HierarchyAssembler assembler({}, false);
        assembler.add(customer("t1", "One"), {});
        const Hierarchy first = assembler.finish({});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), first.unassignedTenants.size());
        const Hierarchy second = assembler.finish({});
        CPPUNIT_ASSERT(second.unassignedTenants.empty() && second.directTenants.empty() &&
                       second.resellers.empty());
        assembler.add(customer("t1", "One again"), {});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), assembler.finish({}).unassignedTenants.size());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyAssemblerTest);
