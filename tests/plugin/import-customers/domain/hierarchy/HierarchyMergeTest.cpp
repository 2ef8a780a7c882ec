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
    CPPUNIT_TEST(mergeResellersAddsANewResellerWithoutEndCustomers);
    CPPUNIT_TEST(mergeResellersTakesTheRefreshedNameAndTenantId);
    CPPUNIT_TEST(mergeResellersNeverReplacesARealNameByAPlaceholder);
    CPPUNIT_TEST(mergeResellersKeepsSavedOnlyResellersOrderedByMpnId);
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

    // mergeResellers(): the reseller list of a partial refresh, without the rows.
    void mergeResellersAddsANewResellerWithoutEndCustomers() {
        ResellerRow fresh = reseller("200", "Reseller Two", ResellerNameSource::MpnProfile,
                                     {row(kC, "Gamma", TenantPlacement::EndCustomer, "c2", "200")});
        fresh.tenantId = "dddddddd-0000-0000-0000-000000000004";
        const std::vector<ResellerRow> merged = mergeResellers(
            {reseller("100", "Reseller One", ResellerNameSource::Relationship)}, {fresh});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), merged.size());
        CPPUNIT_ASSERT_EQUAL(std::string("200"), merged[1].mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("Reseller Two"), merged[1].name);
        CPPUNIT_ASSERT(merged[1].nameSource == ResellerNameSource::MpnProfile);
        CPPUNIT_ASSERT_EQUAL(fresh.tenantId, merged[1].tenantId);
        CPPUNIT_ASSERT(merged[1].endCustomers.empty());
    }

    void mergeResellersTakesTheRefreshedNameAndTenantId() {
        ResellerRow saved = reseller("100", "Old Name", ResellerNameSource::MpnProfile,
                                     {row(kA, "Alpha", TenantPlacement::EndCustomer, "a1", "100")});
        saved.tenantId = "aaaaaaaa-0000-0000-0000-00000000000a";
        ResellerRow renamed = reseller("100", "New Name", ResellerNameSource::Relationship);
        renamed.tenantId = "bbbbbbbb-0000-0000-0000-00000000000b";
        std::vector<ResellerRow> merged = mergeResellers({saved}, {renamed});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged.size());
        CPPUNIT_ASSERT_EQUAL(std::string("New Name"), merged[0].name);
        CPPUNIT_ASSERT(merged[0].nameSource == ResellerNameSource::Relationship);
        CPPUNIT_ASSERT_EQUAL(renamed.tenantId, merged[0].tenantId);
        // The saved end customers are left as they were.
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), merged[0].endCustomers.size());
        CPPUNIT_ASSERT_EQUAL(kA, merged[0].endCustomers[0].tenantId);
        // A refreshed reseller without a tenant id keeps the saved one.
        merged =
            mergeResellers({saved}, {reseller("100", "Newer", ResellerNameSource::MpnProfile)});
        CPPUNIT_ASSERT_EQUAL(std::string("Newer"), merged[0].name);
        CPPUNIT_ASSERT_EQUAL(saved.tenantId, merged[0].tenantId);
    }

    void mergeResellersNeverReplacesARealNameByAPlaceholder() {
        const ResellerRow placeholder =
            reseller("100", "Unknown reseller (MPN 100)", ResellerNameSource::Placeholder);
        for (const ResellerNameSource source :
             {ResellerNameSource::Relationship, ResellerNameSource::MpnProfile}) {
            ResellerRow withTenant = placeholder;
            withTenant.tenantId = "cccccccc-0000-0000-0000-00000000000c";
            const std::vector<ResellerRow> merged =
                mergeResellers({reseller("100", "Real Name", source)}, {withTenant});
            CPPUNIT_ASSERT_EQUAL(std::string("Real Name"), merged[0].name);
            CPPUNIT_ASSERT(merged[0].nameSource == source);
            CPPUNIT_ASSERT_EQUAL(withTenant.tenantId, merged[0].tenantId); // still taken
        }
        // A placeholder replaces a placeholder, and a name never given (Unset).
        for (const ResellerNameSource source :
             {ResellerNameSource::Placeholder, ResellerNameSource::Unset}) {
            const std::vector<ResellerRow> merged =
                mergeResellers({reseller("100", "older text", source)}, {placeholder});
            CPPUNIT_ASSERT_EQUAL(placeholder.name, merged[0].name);
            CPPUNIT_ASSERT(merged[0].nameSource == ResellerNameSource::Placeholder);
        }
    }

    void mergeResellersKeepsSavedOnlyResellersOrderedByMpnId() {
        const std::vector<ResellerRow> merged =
            mergeResellers({reseller("300", "Three", ResellerNameSource::Relationship),
                            reseller("100", "One", ResellerNameSource::Relationship)},
                           {reseller("250", "Two and a half", ResellerNameSource::MpnProfile),
                            reseller("100", "One renamed", ResellerNameSource::Relationship),
                            reseller("050", "Zero Five", ResellerNameSource::Placeholder)});
        std::vector<std::string> got;
        for (const ResellerRow& r : merged)
            got.push_back(r.mpnId + " " + r.name);
        CPPUNIT_ASSERT(got == std::vector<std::string>({"050 Zero Five", "100 One renamed",
                                                        "250 Two and a half", "300 Three"}));
        CPPUNIT_ASSERT(mergeResellers({}, {}).empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyMergeTest);
