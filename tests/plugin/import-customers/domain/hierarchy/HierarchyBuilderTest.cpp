#include "domain/hierarchy/HierarchyBuilder.h"
#include "domain/hierarchy/HierarchyAssembler.h"

#include "plugin/import-customers/domain/hierarchy/PlacementFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace placementfixtures;

namespace {

const std::string kContoso = "11111111-1111-1111-1111-111111111111";
const std::string kFabrikam = "22222222-2222-2222-2222-222222222222";
const std::string kNorthwind = "33333333-3333-3333-3333-333333333333";
const std::string kResellerTenant = "99999999-9999-9999-9999-999999999999";

const ResellerRow* findReseller(const Hierarchy& h, const std::string& mpnId) {
    for (const ResellerRow& r : h.resellers)
        if (r.mpnId == mpnId)
            return &r;
    return nullptr;
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
    CPPUNIT_TEST(customersAddedOneByOneInAnyOrderGiveTheBuiltHierarchy);
    CPPUNIT_TEST(firstAddedCustomerOfATenantWins);
    CPPUNIT_TEST(partnerIdsAreTheDistinctTrimmedSellersSeen);
    CPPUNIT_TEST(finishLeavesTheAssemblerEmpty);
    CPPUNIT_TEST(customerListedTwiceKeepsTheFirstWithAllItsSubscriptions);
    CPPUNIT_TEST(assemblerFedInAnyOrderGivesTheBuiltHierarchyOfARandomInstance);
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

    // HierarchyAssembler: buildHierarchy() one customer at a time, as the crawl feeds it.
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

    // buildHierarchy: Partner Center listing a customer twice (e.g. across pages) places it once.
    void customerListedTwiceKeepsTheFirstWithAllItsSubscriptions() {
        HierarchyInput input;
        input.directCapable = false;
        input.relationships = {reseller("100", "Alpha", kResellerTenant)};
        input.customers = {
            customer(kContoso, "First listing"),
            customer("11111111-1111-1111-1111-11111111111A", "unrelated"),
            customer(" 11111111-1111-1111-1111-111111111111", "Second listing", kResellerTenant)};
        input.subscriptions = {subscription("s1", kContoso, ""),
                               subscription("s2", kContoso, "100"),
                               subscription("s3", " 11111111-1111-1111-1111-111111111111", "")};
        const Hierarchy h = buildHierarchy(input);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("First listing"), h.directTenants[0].companyName);
        CPPUNIT_ASSERT(ids(h.directTenants[0]) == std::vector<std::string>({"s1", "s3"}));
        const ResellerRow* alpha = findReseller(h, "100");
        CPPUNIT_ASSERT(alpha != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), alpha->endCustomers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("First listing"), alpha->endCustomers[0].companyName);
        CPPUNIT_ASSERT(ids(alpha->endCustomers[0]) == std::vector<std::string>({"s2"}));
        // The other tenant, without subscriptions on an indirect instance, is unassigned.
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.unassignedTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("unrelated"), h.unassignedTenants[0].companyName);
    }

    // A generated instance (seeded): every placement rule at once, names that tie, resellers of
    // every name source. The assembler, fed one customer at a time in a shuffled order, gives
    // what buildHierarchy gives.
    void assemblerFedInAnyOrderGivesTheBuiltHierarchyOfARandomInstance() {
        for (const bool directCapable : {true, false}) {
            std::mt19937 random(directCapable ? 20261203u : 7u);
            const auto pick = [&](int n) {
                return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(random));
            };
            const auto guid = [](const char* prefix, int n) {
                char id[40];
                std::snprintf(id, sizeof id, "%s-0000-4000-8000-%012d", prefix, n);
                return std::string(id);
            };
            HierarchyInput input;
            input.directCapable = directCapable;
            for (int r = 0; r < 6; ++r) // 6 relationships, some without a name
                input.relationships.push_back(reseller(std::to_string(100 + r),
                                                       r % 3 ? "Reseller " + std::to_string(r) : "",
                                                       guid("eeeeeeee", r)));
            for (int r = 0; r < 12; r += 2) // profiles for some mpn ids only seen on subscriptions
                input.mpnProfiles.push_back(
                    reseller(std::to_string(200 + r), "Profile " + std::to_string(r)));
            const std::vector<std::string> names = {"Alpha", "alpha", "Beta", "", "Gamma", "delta"};
            std::vector<std::vector<Subscription>> byCustomer;
            for (int c = 0; c < 400; ++c) {
                std::string id = guid(c % 5 ? "aaaaaaaa" : "AAAAAAAA", c);
                std::string associated = pick(4) == 0 ? guid("EEEEEEEE", pick(8)) : "";
                input.customers.push_back(customer(id, names[pick(6)], associated));
                std::vector<Subscription> subscriptions;
                const int count = pick(5); // 0 to 4
                for (int s = 0; s < count; ++s) {
                    const int seller = pick(10);
                    const std::string partnerId =
                        seller < 4 ? "" : std::to_string(seller < 7 ? 100 + seller : 200 + seller);
                    subscriptions.push_back(
                        subscription("s" + std::to_string(c) + "-" + std::to_string(s), id,
                                     seller == 5 ? " " + partnerId + " " : partnerId));
                }
                input.subscriptions.insert(input.subscriptions.end(), subscriptions.begin(),
                                           subscriptions.end());
                byCustomer.push_back(std::move(subscriptions));
            }
            const Hierarchy built = buildHierarchy(input);

            std::vector<std::size_t> order(input.customers.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::shuffle(order.begin(), order.end(), random);
            HierarchyAssembler assembler(input.relationships, input.directCapable);
            for (std::size_t i : order)
                assembler.add(input.customers[i], byCustomer[i]);
            const Hierarchy streamed = assembler.finish(input.mpnProfiles);

            const std::vector<std::string> expected = rows(built);
            const std::vector<std::string> got = rows(streamed);
            CPPUNIT_ASSERT(expected.size() > 400);
            CPPUNIT_ASSERT_EQUAL(expected.size(), got.size());
            for (std::size_t i = 0; i < expected.size(); ++i)
                CPPUNIT_ASSERT_EQUAL(expected[i], got[i]);
            CPPUNIT_ASSERT(built.unassignedTenants.empty() == directCapable);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyBuilderTest);
