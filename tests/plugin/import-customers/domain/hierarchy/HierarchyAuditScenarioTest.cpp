#include "domain/audit/TenantAudit.h"
#include "domain/hierarchy/HierarchyBuilder.h"
#include "domain/hierarchy/HierarchyMerge.h"
#include "domain/hierarchy/ResellerLookup.h"

#include "plugin/import-customers/domain/hierarchy/PlacementFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace placementfixtures;

namespace {

const std::string kMixed = "aaaaaaaa-0000-0000-0000-000000000001";
const std::string kNew = "bbbbbbbb-0000-0000-0000-000000000002";

} // namespace

// The steps of one Get Hierarchy as the job runs them: plan look-ups, build, audit; then an
// incremental refresh merged in and audited again.
class HierarchyAuditScenarioTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyAuditScenarioTest);
    CPPUNIT_TEST(mixedTenantIsAuditedPerSeller);
    CPPUNIT_TEST(refreshAfterImportShowsSynced);
    CPPUNIT_TEST_SUITE_END();

    HierarchyInput input() {
        HierarchyInput in;
        in.customers = {customer(kMixed, "Mixed"), customer(kNew, "Newcomer")};
        in.subscriptions = {subscription("d1", kMixed, ""), subscription("i1", kMixed, "100"),
                            subscription("n1", kNew, "555")};
        in.relationships = {Reseller{"", "Reseller One", "100", "Active", "US"}};
        return in;
    }

    // The BSS holds the mixed tenant with its direct subscription only.
    std::vector<BssAccount> accounts() {
        return {BssAccount{3, "Mixed", kMixed, "mixed.onmicrosoft.com", {"d1"}}};
    }

public:
    void mixedTenantIsAuditedPerSeller() {
        HierarchyInput in = input();
        CPPUNIT_ASSERT(resellerIdsNeedingLookup(in.subscriptions, in.relationships) ==
                       std::vector<std::string>({"555"}));
        const Hierarchy h = auditHierarchy(buildHierarchy(in), BssAccountIndex(accounts()));

        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.directTenants.size());
        const TenantRow& direct = h.directTenants[0];
        CPPUNIT_ASSERT(direct.status == TenantStatus::Synced);
        CPPUNIT_ASSERT(!direct.importable);

        CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.resellers.size());
        const ResellerRow& one = h.resellers[0];
        CPPUNIT_ASSERT_EQUAL(std::string("Reseller One"), one.name);
        const TenantRow& indirect = one.endCustomers.at(0);
        CPPUNIT_ASSERT_EQUAL(kMixed, indirect.tenantId);
        CPPUNIT_ASSERT(indirect.status == TenantStatus::NewSubscriptions);
        CPPUNIT_ASSERT(indirect.importable);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), indirect.partnerCenterSubscriptionCount);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), indirect.bssSubscriptionCount);

        const ResellerRow& unknown = h.resellers[1];
        CPPUNIT_ASSERT_EQUAL(std::string("Unknown reseller (MPN 555)"), unknown.name);
        CPPUNIT_ASSERT(unknown.endCustomers.at(0).status == TenantStatus::Unsynced);
        CPPUNIT_ASSERT(unknown.endCustomers.at(0).importable);
    }

    void refreshAfterImportShowsSynced() {
        const Hierarchy before =
            auditHierarchy(buildHierarchy(input()), BssAccountIndex(accounts()));
        // Both tenants imported since; the audit records name only the newcomer, with an MPN
        // profile now found for 555.
        std::vector<BssAccount> after = accounts();
        after[0].externalSubscriptionIds.push_back("i1");
        after.push_back(BssAccount{4, "Newcomer", kNew, "", {"n1"}});
        HierarchyInput refetch;
        refetch.customers = {customer(kNew, "Newcomer")};
        refetch.subscriptions = {subscription("n1", kNew, "555")};
        refetch.mpnProfiles = {Reseller{"", "Profiled", "555", "", ""}};
        const Hierarchy merged = auditHierarchy(
            mergeTenants(before, buildHierarchy(refetch), {kNew}), BssAccountIndex(after));
        CPPUNIT_ASSERT(merged.directTenants[0].status == TenantStatus::Synced);
        for (const ResellerRow& reseller : merged.resellers)
            for (const TenantRow& row : reseller.endCustomers)
                CPPUNIT_ASSERT(row.status == TenantStatus::Synced && !row.importable);
        CPPUNIT_ASSERT_EQUAL(std::string("Profiled"), merged.resellers[0].name);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyAuditScenarioTest);
