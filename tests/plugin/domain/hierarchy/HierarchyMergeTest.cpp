#include "domain/hierarchy/HierarchyMerge.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

const std::string kA = "aaaaaaaa-0000-0000-0000-000000000001";
const std::string kB = "bbbbbbbb-0000-0000-0000-000000000002";
const std::string kC = "cccccccc-0000-0000-0000-000000000003";

TenantRow row(const std::string& tenantId, const std::string& name, TenantPlacement placement,
              const std::string& subscriptionId, const std::string& mpnId = "") {
    TenantRow r;
    r.tenantId = tenantId;
    r.companyName = name;
    r.placement = placement;
    r.resellerMpnId = mpnId;
    SubscriptionRow s;
    s.subscription.id = subscriptionId;
    r.subscriptions.push_back(s);
    return r;
}

ResellerRow reseller(const std::string& mpnId, const std::string& name, ResellerNameSource source,
                     std::vector<TenantRow> endCustomers = {}) {
    ResellerRow r;
    r.mpnId = mpnId;
    r.name = name;
    r.nameSource = source;
    r.endCustomers = std::move(endCustomers);
    return r;
}

// A: direct and under reseller 100; B: direct; C: under reseller 100.
Hierarchy previous() {
    Hierarchy h;
    h.directTenants = {row(kA, "Alpha", TenantPlacement::Direct, "a-old"),
                       row(kB, "Beta", TenantPlacement::Direct, "b1")};
    h.resellers = {reseller("100", "Reseller One", ResellerNameSource::Relationship,
                            {row(kA, "Alpha", TenantPlacement::EndCustomer, "a-ind", "100"),
                             row(kC, "Gamma", TenantPlacement::EndCustomer, "c1", "100")})};
    return h;
}

std::size_t rowsOf(const Hierarchy& h, const std::string& tenantId) {
    std::size_t count = 0;
    for (const TenantRow& r : h.directTenants)
        count += r.tenantId == tenantId;
    for (const ResellerRow& reseller : h.resellers)
        for (const TenantRow& r : reseller.endCustomers)
            count += r.tenantId == tenantId;
    for (const TenantRow& r : h.unassignedTenants)
        count += r.tenantId == tenantId;
    return count;
}

} // namespace

class HierarchyMergeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyMergeTest);
    CPPUNIT_TEST(refetchedTenantRowsAreReplacedEverywhere);
    CPPUNIT_TEST(tenantGoneFromPartnerCenterIsRemoved);
    CPPUNIT_TEST(untouchedTenantsStay);
    CPPUNIT_TEST(newResellerIsAddedAndPlaceholderDoesNotOverwriteKnownName);
    CPPUNIT_TEST(singleTenantMergeMatchesIdCaseInsensitively);
    CPPUNIT_TEST_SUITE_END();

public:
    void refetchedTenantRowsAreReplacedEverywhere() {
        // A is now direct only, with a new subscription.
        Hierarchy refreshed;
        refreshed.directTenants = {row(kA, "Alpha", TenantPlacement::Direct, "a-new")};
        const Hierarchy merged = mergeTenants(previous(), refreshed, {kA});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rowsOf(merged, kA));
        CPPUNIT_ASSERT_EQUAL(kA, merged.directTenants[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("a-new"),
                             merged.directTenants[0].subscriptions[0].subscription.id);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.resellers[0].endCustomers.size());
        CPPUNIT_ASSERT_EQUAL(kC, merged.resellers[0].endCustomers[0].tenantId);
    }
    void tenantGoneFromPartnerCenterIsRemoved() {
        const Hierarchy merged = mergeTenants(previous(), Hierarchy{}, {kC});
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), rowsOf(merged, kC));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.resellers.size()); // reseller stays listed
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.resellers[0].endCustomers.size());
    }
    void untouchedTenantsStay() {
        const Hierarchy merged = mergeTenants(previous(), Hierarchy{}, {});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), rowsOf(merged, kA));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rowsOf(merged, kB));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rowsOf(merged, kC));
    }
    void newResellerIsAddedAndPlaceholderDoesNotOverwriteKnownName() {
        Hierarchy refreshed;
        refreshed.resellers = {
            reseller("100", "Unknown reseller (MPN 100)", ResellerNameSource::Placeholder,
                     {row(kB, "Beta", TenantPlacement::EndCustomer, "b2", "100")}),
            reseller("200", "Reseller Two", ResellerNameSource::MpnProfile,
                     {row(kC, "Gamma", TenantPlacement::EndCustomer, "c2", "200")})};
        const Hierarchy merged = mergeTenants(previous(), refreshed, {kB, kC});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), merged.resellers.size());
        const ResellerRow& one = merged.resellers[0];
        const ResellerRow& two = merged.resellers[1];
        CPPUNIT_ASSERT_EQUAL(std::string("Reseller One"), one.name);
        CPPUNIT_ASSERT(one.nameSource == ResellerNameSource::Relationship);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), one.endCustomers.size()); // A (kept) and B (new)
        CPPUNIT_ASSERT_EQUAL(kA, one.endCustomers[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(kB, one.endCustomers[1].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("Reseller Two"), two.name);
        CPPUNIT_ASSERT_EQUAL(kC, two.endCustomers[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rowsOf(merged, kB)); // B no longer direct
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.directTenants.size());
    }
    void singleTenantMergeMatchesIdCaseInsensitively() {
        Hierarchy refreshed;
        refreshed.unassignedTenants = {row(kB, "Beta", TenantPlacement::Unassigned, "b9")};
        const Hierarchy merged =
            mergeSingleTenant(previous(), "BBBBBBBB-0000-0000-0000-000000000002", refreshed);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rowsOf(merged, kB));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.unassignedTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.directTenants.size());
        CPPUNIT_ASSERT_EQUAL(kA, merged.directTenants[0].tenantId);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyMergeTest);
