// TenantPlacer: one customer at a time into its tenant rows, keeping only the resellers and the
// partner ids the end of a streamed Get Hierarchy needs.
#include "domain/hierarchy/TenantPlacer.h"

#include "domain/hierarchy/HierarchyBuilder.h"
#include "plugin/import-customers/domain/hierarchy/PlacementFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace placementfixtures;

namespace {

const std::string kContoso = "11111111-1111-1111-1111-111111111111";
const std::string kResellerTenant = "99999999-9999-9999-9999-99999999999a";

/// A subscription of Contoso sold by `partnerId`.
Subscription subscription(const std::string& id, const std::string& partnerId) {
    return placementfixtures::subscription(id, kContoso, partnerId);
}

/// "placement/mpn" of each row, in the order place() gave them.
std::vector<std::string> shape(const std::vector<TenantRow>& rows) {
    std::vector<std::string> out;
    for (const TenantRow& row : rows)
        out.push_back(std::string(tenantPlacementName(row.placement)) + "/" + row.resellerMpnId);
    return out;
}

/// "mpn|tenant|name|source" of each reseller, in the order resellers() gave them.
std::vector<std::string> describe(const std::vector<ResellerRow>& resellers) {
    std::vector<std::string> out;
    for (const ResellerRow& r : resellers)
        out.push_back(r.mpnId + "|" + r.tenantId + "|" + r.name + "|" +
                      resellerNameSourceName(r.nameSource));
    return out;
}

} // namespace

class TenantPlacerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TenantPlacerTest);
    CPPUNIT_TEST(subscriptionsWithoutPartnerIdFormTheDirectRow);
    CPPUNIT_TEST(oneEndCustomerRowPerResellerWithOnlyItsSubscriptionsInOrder);
    CPPUNIT_TEST(rowsCarryTheCustomerWithItsTenantIdTrimmedAndLowerCased);
    CPPUNIT_TEST(subscriptionLessCustomerGoesUnderTheResellerItsAssociatedPartnerIdNames);
    CPPUNIT_TEST(subscriptionLessCustomerWithoutKnownResellerIsDirectOrUnassigned);
    CPPUNIT_TEST(unsetKindsAreClassifiedAndSetKindsKept);
    CPPUNIT_TEST(emptyTenantIdGivesNoRowAndLeavesNoTrace);
    CPPUNIT_TEST(partnerIdsAreDistinctTrimmedAndSorted);
    CPPUNIT_TEST(resellersAreNamedByRelationshipThenProfileThenPlaceholderInMpnOrder);
    CPPUNIT_TEST(firstRelationshipOfAnMpnIdWinsAndOneWithoutMpnIdIsSkipped);
    CPPUNIT_TEST(resellersNamesAreNotKeptBetweenCalls);
    CPPUNIT_TEST_SUITE_END();

public:
    void subscriptionsWithoutPartnerIdFormTheDirectRow() {
        TenantPlacer placer({}, false);
        const std::vector<TenantRow> rows = placer.place(
            customer(kContoso, "contoso"),
            {subscription("s1", ""), subscription("s2", "   "), subscription("s3", "")});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rows.size());
        // Direct even on an indirect-only instance: the data wins over the configuration.
        CPPUNIT_ASSERT(rows[0].placement == TenantPlacement::Direct);
        CPPUNIT_ASSERT(rows[0].resellerMpnId.empty());
        CPPUNIT_ASSERT(ids(rows[0]) == std::vector<std::string>({"s1", "s2", "s3"}));
        CPPUNIT_ASSERT(placer.partnerIds().empty());
        CPPUNIT_ASSERT(placer.resellers({}).empty());
    }

    void oneEndCustomerRowPerResellerWithOnlyItsSubscriptionsInOrder() {
        TenantPlacer placer({}, true);
        const std::vector<TenantRow> rows = placer.place(
            customer(kContoso, "contoso"),
            {subscription("b1", "200"), subscription("d1", ""), subscription("a1", " 100 "),
             subscription("b2", "200"), subscription("c1", "300"), subscription("a2", "100"),
             subscription("d2", "")});
        // The direct row first, then one row per reseller in the order Partner Center named them.
        CPPUNIT_ASSERT(shape(rows) ==
                       std::vector<std::string>({"direct/", "end_customer/200", "end_customer/100",
                                                 "end_customer/300"}));
        CPPUNIT_ASSERT(ids(rows[0]) == std::vector<std::string>({"d1", "d2"}));
        CPPUNIT_ASSERT(ids(rows[1]) == std::vector<std::string>({"b1", "b2"}));
        CPPUNIT_ASSERT(ids(rows[2]) == std::vector<std::string>({"a1", "a2"}));
        CPPUNIT_ASSERT(ids(rows[3]) == std::vector<std::string>({"c1"}));
        // No direct row when every subscription has a seller.
        const std::vector<TenantRow> indirect =
            placer.place(customer("22222222-2222-2222-2222-222222222222", "fabrikam"),
                         {subscription("f1", "100"), subscription("f2", "100")});
        CPPUNIT_ASSERT(shape(indirect) == std::vector<std::string>({"end_customer/100"}));
        CPPUNIT_ASSERT(ids(indirect[0]) == std::vector<std::string>({"f1", "f2"}));
    }

    void rowsCarryTheCustomerWithItsTenantIdTrimmedAndLowerCased() {
        TenantPlacer placer({}, true);
        Customer c = customer(" ABCDEF00-1111-1111-1111-11111111111F ", "Contoso Ltd");
        c.primaryDomain = "Contoso.onmicrosoft.com";
        const std::vector<TenantRow> rows =
            placer.place(c, {subscription("s1", ""), subscription("s2", "100")});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), rows.size());
        for (const TenantRow& row : rows) {
            CPPUNIT_ASSERT_EQUAL(std::string("abcdef00-1111-1111-1111-11111111111f"), row.tenantId);
            CPPUNIT_ASSERT_EQUAL(std::string("Contoso Ltd"), row.companyName);
            CPPUNIT_ASSERT_EQUAL(std::string("Contoso.onmicrosoft.com"), row.primaryDomain);
            // Audit fields stay at their defaults: the audit comes later.
            CPPUNIT_ASSERT(row.status == TenantStatus::Unset);
            CPPUNIT_ASSERT(!row.importable);
        }
        const std::vector<TenantRow> bare = placer.place(c, {});
        CPPUNIT_ASSERT_EQUAL(std::string("abcdef00-1111-1111-1111-11111111111f"), bare[0].tenantId);
    }

    void subscriptionLessCustomerGoesUnderTheResellerItsAssociatedPartnerIdNames() {
        for (const bool directCapable : {true, false}) {
            TenantPlacer placer({reseller(" 300 ", "Home Reseller",
                                          " 99999999-9999-9999-9999-"
                                          "99999999999A ")},
                                directCapable);
            const std::vector<TenantRow> rows = placer.place(
                customer(kContoso, "contoso", "99999999-9999-9999-9999-99999999999A"), {});
            CPPUNIT_ASSERT(shape(rows) == std::vector<std::string>({"end_customer/300"}));
            CPPUNIT_ASSERT(rows[0].subscriptions.empty());
            const std::vector<ResellerRow> resellers = placer.resellers({});
            CPPUNIT_ASSERT(describe(resellers) ==
                           std::vector<std::string>(
                               {"300|" + kResellerTenant + "|Home Reseller|relationship"}));
            // Placing by associatedPartnerId is not a subscription's seller.
            CPPUNIT_ASSERT(placer.partnerIds().empty());
        }
    }

    void subscriptionLessCustomerWithoutKnownResellerIsDirectOrUnassigned() {
        // A reseller known only from a subscription has no tenant id to match.
        for (const bool directCapable : {true, false}) {
            TenantPlacer placer({reseller("300", "Home Reseller", kResellerTenant)}, directCapable);
            placer.place(customer("22222222-2222-2222-2222-222222222222", "seller"),
                         {subscription("s1", "400")});
            const std::string expected = directCapable ? "direct/" : "unassigned/";
            for (const std::string& associated :
                 {std::string(""), std::string("88888888-8888-8888-8888-888888888888"),
                  std::string("400")}) {
                const std::vector<TenantRow> rows =
                    placer.place(customer(kContoso, "contoso", associated), {});
                CPPUNIT_ASSERT_EQUAL(std::size_t(1), rows.size());
                CPPUNIT_ASSERT_EQUAL(expected, shape(rows)[0]);
                CPPUNIT_ASSERT(rows[0].resellerMpnId.empty());
            }
        }
    }

    void unsetKindsAreClassifiedAndSetKindsKept() {
        TenantPlacer placer({}, true);
        Subscription azure = subscription("p1", "");
        azure.productTypeId = "Azure";
        azure.offerId = "DZH318Z0BPS6:0001:DZH318Z0BML6";
        Subscription nce = subscription("n1", "100");
        Subscription preset = subscription("k1", "100");
        preset.kind = SubscriptionKind::LegacyLicense; // already classified: left as it is
        const std::vector<TenantRow> rows =
            placer.place(customer(kContoso, "contoso"), {azure, nce, preset});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), rows.size());
        CPPUNIT_ASSERT(rows[0].subscriptions[0].subscription.kind == SubscriptionKind::AzurePlan);
        CPPUNIT_ASSERT(rows[1].subscriptions[0].subscription.kind == SubscriptionKind::Nce);
        CPPUNIT_ASSERT(rows[1].subscriptions[1].subscription.kind ==
                       SubscriptionKind::LegacyLicense);
        // The rest of the subscription is as Partner Center sent it.
        CPPUNIT_ASSERT_EQUAL(std::string("100"), rows[1].subscriptions[0].subscription.partnerId);
        CPPUNIT_ASSERT_EQUAL(std::string("active"), rows[1].subscriptions[0].subscription.status);
    }

    void emptyTenantIdGivesNoRowAndLeavesNoTrace() {
        TenantPlacer placer({}, true);
        for (const std::string& id : {std::string(""), std::string("  \t")}) {
            CPPUNIT_ASSERT(placer.place(customer(id, "nameless"), {}).empty());
            CPPUNIT_ASSERT(placer
                               .place(customer(id, "nameless"),
                                      {subscription("s1", "900"), subscription("s2", "")})
                               .empty());
        }
        // Its subscriptions' seller is not counted: nothing of it reaches the hierarchy.
        CPPUNIT_ASSERT(placer.partnerIds().empty());
        CPPUNIT_ASSERT(placer.resellers({}).empty());
    }

    void partnerIdsAreDistinctTrimmedAndSorted() {
        TenantPlacer placer({reseller("500", "Related only")}, false);
        CPPUNIT_ASSERT(placer.partnerIds().empty());
        placer.place(customer(kContoso, "one"),
                     {subscription("s1", "300"), subscription("s2", " 1000"),
                      subscription("s3", ""), subscription("s4", "300 ")});
        placer.place(customer("22222222-2222-2222-2222-222222222222", "two"),
                     {subscription("s5", "200"), subscription("s6", "1000")});
        // Sorted as text; a relationship's mpn id is not a partner id of a subscription.
        CPPUNIT_ASSERT(placer.partnerIds() == std::vector<std::string>({"1000", "200", "300"}));
    }

    void resellersAreNamedByRelationshipThenProfileThenPlaceholderInMpnOrder() {
        TenantPlacer placer({reseller("500", " Rel Five ", "AAAAAAAA-0000-0000-0000-000000000005"),
                             reseller("400", "  ", "aaaaaaaa-0000-0000-0000-000000000004")},
                            true);
        placer.place(customer(kContoso, "contoso"),
                     {subscription("s1", "300"), subscription("s2", "200"),
                      subscription("s3", "500"), subscription("s4", "600")});
        const std::vector<Reseller> profiles = {
            reseller("500", "Profile Five"), // the relationship's name wins
            reseller(" 400 ", " Profile Four "), reseller("300", "Profile Three"),
            reseller("600", "   ")}; // a profile without a name names nothing
        const std::vector<ResellerRow> resellers = placer.resellers(profiles);
        CPPUNIT_ASSERT(
            describe(resellers) ==
            std::vector<std::string>(
                {"200||Unknown reseller (MPN 200)|placeholder", "300||Profile Three|mpn_profile",
                 "400|aaaaaaaa-0000-0000-0000-000000000004|Profile Four|mpn_profile",
                 "500|aaaaaaaa-0000-0000-0000-000000000005|Rel Five|relationship",
                 "600||Unknown reseller (MPN 600)|placeholder"}));
        for (const ResellerRow& r : resellers)
            CPPUNIT_ASSERT(r.endCustomers.empty());
        CPPUNIT_ASSERT_EQUAL(unknownResellerName("200"), resellers[0].name);
    }

    void firstRelationshipOfAnMpnIdWinsAndOneWithoutMpnIdIsSkipped() {
        TenantPlacer placer({reseller("100", "First", "aaaaaaaa-0000-0000-0000-000000000001"),
                             reseller(" 100", "Second", "aaaaaaaa-0000-0000-0000-000000000002"),
                             reseller("  ", "No MPN", "aaaaaaaa-0000-0000-0000-000000000003")},
                            false);
        CPPUNIT_ASSERT(describe(placer.resellers({})) ==
                       std::vector<std::string>(
                           {"100|aaaaaaaa-0000-0000-0000-000000000001|First|relationship"}));
        // Neither the second relationship's tenant nor the skipped one places a customer.
        for (const char* associated :
             {"aaaaaaaa-0000-0000-0000-000000000002", "aaaaaaaa-0000-0000-0000-000000000003"})
            CPPUNIT_ASSERT(shape(placer.place(customer(kContoso, "c", associated), {})) ==
                           std::vector<std::string>({"unassigned/"}));
        CPPUNIT_ASSERT(
            shape(placer.place(customer(kContoso, "c", "aaaaaaaa-0000-0000-0000-000000000001"),
                               {})) == std::vector<std::string>({"end_customer/100"}));
    }

    void resellersNamesAreNotKeptBetweenCalls() {
        TenantPlacer placer({}, true);
        placer.place(customer(kContoso, "contoso"), {subscription("s1", "700")});
        CPPUNIT_ASSERT(describe(placer.resellers({})) ==
                       std::vector<std::string>({"700||Unknown reseller (MPN 700)|placeholder"}));
        // A profile found later still names it: placeholders are given at the end, not stored.
        CPPUNIT_ASSERT(describe(placer.resellers({reseller("700", "Found Later")})) ==
                       std::vector<std::string>({"700||Found Later|mpn_profile"}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TenantPlacerTest);
