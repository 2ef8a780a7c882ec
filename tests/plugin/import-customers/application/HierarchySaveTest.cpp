// The saved hierarchy's write path on the test database (SQLite: rows bound one after the other in
// batches; PostgreSQL: multi-row INSERTs): sizes that fill several batches and end in a short one
// come back from load() field for field, and a second save replaces the first.
#include "domain/hierarchy/HierarchyOrder.h"
#include "storage/HierarchyRepository.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>

using ict::application::test::ToolHarness;
using namespace ict::domain;

namespace {

std::string tenantId(int n) {
    char id[40];
    // Descending ids: the write order (by key) differs from the hierarchy's (by name).
    std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", 0x7fffffff - n, n);
    return id;
}

SubscriptionRow subscription(int tenant, int n) {
    SubscriptionRow row;
    Subscription& s = row.subscription;
    s.id = "sub-" + std::to_string(tenant) + "-" + std::to_string(n);
    s.customerTenantId = tenantId(tenant);
    s.offerId = "CFQ7TTC0LH18:0001:" + std::to_string(n);
    s.offerName = "Offer " + std::to_string(n) + " with a name longer than fifteen";
    s.friendlyName = n % 2 ? "" : "Friendly 'quoted' name " + std::to_string(tenant);
    s.productTypeId = "OnlineServicesNCE";
    s.kind = n % 3 ? SubscriptionKind::Nce : SubscriptionKind::LegacyLicense;
    s.quantity = tenant * 10 + n;
    s.unitType = "Licenses";
    s.status = n % 4 ? "active" : "expired";
    s.billingCycle = "monthly";
    s.termDuration = "P1Y";
    s.creationDate = "2024-01-0" + std::to_string(1 + n % 9) + "T00:00:00Z";
    s.effectiveStartDate = "2024-02-01T00:00:00Z";
    s.commitmentEndDate = "2025-02-01T00:00:00Z";
    s.autoRenewEnabled = n % 2 == 0;
    s.parentSubscriptionId = n == 2 ? "sub-" + std::to_string(tenant) + "-0" : "";
    s.entitlementId = "ent-" + std::to_string(n);
    row.status = n % 4 ? SubscriptionStatus::New : SubscriptionStatus::NotImportable;
    row.reason = n % 4 ? NotImportableReason::Unset : NotImportableReason::Expired;
    row.reasonText = n % 4 ? "" : "Expired in Partner Center.";
    return row;
}

TenantRow tenant(int n, TenantPlacement placement, const std::string& mpnId) {
    TenantRow row;
    row.tenantId = tenantId(n);
    row.companyName = "Company " + std::to_string(n % 97) + " \xc3\xa9 " + std::to_string(n);
    row.primaryDomain = "company" + std::to_string(n) + ".onmicrosoft.com";
    row.placement = placement;
    row.resellerMpnId = mpnId;
    for (int s = 0; s < n % 4; ++s) // 0 to 3 subscriptions
        row.subscriptions.push_back(subscription(n, s));
    row.status = n % 2 ? TenantStatus::Unsynced : TenantStatus::NewSubscriptions;
    row.needsConfirmation = n % 5 == 0;
    row.confirmationReason = row.needsConfirmation ? "Confirm " + std::to_string(n) + "." : "";
    row.idMatchedAccountId = n % 2 ? 0 : 1000 + n;
    row.partnerCenterSubscriptionCount = n % 4;
    row.bssSubscriptionCount = n % 2;
    row.importable = n % 3 != 0;
    row.notImportableReason = row.importable ? "" : "Reason " + std::to_string(n);
    return row;
}

/// `tenants` rows: most direct, every seventh under one of two resellers, every 50th unassigned.
Hierarchy hierarchyOf(int tenants, int firstId) {
    Hierarchy h;
    h.resellers.resize(2);
    for (int r = 0; r < 2; ++r) {
        h.resellers[r].mpnId = "mpn-" + std::to_string(r);
        h.resellers[r].tenantId = tenantId(900000 + r);
        h.resellers[r].name = "Reseller " + std::to_string(r);
        h.resellers[r].nameSource = ResellerNameSource::Relationship;
    }
    for (int n = firstId; n < firstId + tenants; ++n) {
        if (n % 50 == 0)
            h.unassignedTenants.push_back(tenant(n, TenantPlacement::Unassigned, ""));
        else if (n % 7 == 0)
            h.resellers[n % 2].endCustomers.push_back(
                tenant(n, TenantPlacement::EndCustomer, h.resellers[n % 2].mpnId));
        else
            h.directTenants.push_back(tenant(n, TenantPlacement::Direct, ""));
    }
    sortHierarchy(h);
    return h;
}

std::string describe(const SubscriptionRow& row) {
    const Subscription& s = row.subscription;
    return s.id + "|" + s.offerId + "|" + s.offerName + "|" + s.friendlyName + "|" +
           s.productTypeId + "|" + subscriptionKindName(s.kind) + "|" + std::to_string(s.quantity) +
           "|" + s.unitType + "|" + s.status + "|" + s.billingCycle + "|" + s.termDuration + "|" +
           s.creationDate + "|" + s.effectiveStartDate + "|" + s.commitmentEndDate + "|" +
           (s.autoRenewEnabled ? "renew" : "-") + "|" + s.parentSubscriptionId + "|" +
           s.entitlementId + "|" + subscriptionStatusName(row.status) + "|" +
           notImportableReasonName(row.reason) + "|" + row.reasonText;
}

std::vector<std::string> describe(const std::vector<TenantRow>& rows) {
    std::vector<std::string> out;
    for (const TenantRow& t : rows) {
        std::string line = t.tenantId + "|" + t.companyName + "|" + t.primaryDomain + "|" +
                           tenantPlacementName(t.placement) + "|" + t.resellerMpnId + "|" +
                           tenantStatusName(t.status) + "|" + (t.needsConfirmation ? "y" : "n") +
                           "|" + t.confirmationReason + "|" + std::to_string(t.idMatchedAccountId) +
                           "|" + std::to_string(t.partnerCenterSubscriptionCount) + "|" +
                           std::to_string(t.bssSubscriptionCount) + "|" +
                           (t.importable ? "y" : "n") + "|" + t.notImportableReason;
        for (const SubscriptionRow& s : t.subscriptions)
            line += "\n  " + describe(s);
        out.push_back(line);
    }
    return out;
}

std::size_t subscriptionCount(const Hierarchy& h) {
    std::size_t count = 0;
    auto add = [&](const std::vector<TenantRow>& rows) {
        for (const TenantRow& row : rows)
            count += row.subscriptions.size();
    };
    add(h.directTenants);
    add(h.unassignedTenants);
    for (const ResellerRow& r : h.resellers)
        add(r.endCustomers);
    return count;
}

void assertSame(const Hierarchy& expected, const Hierarchy& loaded) {
    CPPUNIT_ASSERT(describe(expected.directTenants) == describe(loaded.directTenants));
    CPPUNIT_ASSERT(describe(expected.unassignedTenants) == describe(loaded.unassignedTenants));
    CPPUNIT_ASSERT_EQUAL(expected.resellers.size(), loaded.resellers.size());
    for (std::size_t r = 0; r < expected.resellers.size(); ++r) {
        CPPUNIT_ASSERT_EQUAL(expected.resellers[r].mpnId, loaded.resellers[r].mpnId);
        CPPUNIT_ASSERT_EQUAL(expected.resellers[r].name, loaded.resellers[r].name);
        CPPUNIT_ASSERT(describe(expected.resellers[r].endCustomers) ==
                       describe(loaded.resellers[r].endCustomers));
    }
}

} // namespace

class HierarchySaveTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchySaveTest);
    CPPUNIT_TEST(severalBatchesAndAShortOneComeBackFieldForField);
    CPPUNIT_TEST(aSecondSaveReplacesTheFirst);
    CPPUNIT_TEST_SUITE_END();

public:
    void severalBatchesAndAShortOneComeBackFieldForField() {
        ToolHarness h;
        ict::storage::HierarchyRepository repository(h.database());
        const ict::storage::HierarchyKey key{h.root().organization.id, 41};
        // 1,203 tenant rows and ~1,800 subscription rows: several batches of 500 (SQLite) and of
        // 100 (PostgreSQL) for both tables, each ending in a short one.
        const Hierarchy saved = hierarchyOf(1203, 1);
        CPPUNIT_ASSERT(subscriptionCount(saved) > 1700);
        const std::vector<ict::storage::TenantFetchError> failures = {
            {tenantId(5000), "Failed Co", "failed.onmicrosoft.com", "HTTP 500"}};
        repository.replaceAll(key, saved, failures, {"run-1", h.nowIso(), h.nowIso(), h.nowIso()});

        const Hierarchy loaded = repository.load(key);
        CPPUNIT_ASSERT_EQUAL(subscriptionCount(saved), subscriptionCount(loaded));
        assertSame(saved, loaded);
        const auto errors = repository.fetchErrors(key);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), errors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("HTTP 500"), errors[0].message);
    }

    void aSecondSaveReplacesTheFirst() {
        ToolHarness h;
        ict::storage::HierarchyRepository repository(h.database());
        const ict::storage::HierarchyKey key{h.root().organization.id, 42};
        const ict::storage::HierarchyKey other{h.root().organization.id, 43};
        repository.replaceAll(key, hierarchyOf(700, 1), {},
                              {"run-1", h.nowIso(), h.nowIso(), h.nowIso()});
        repository.replaceAll(other, hierarchyOf(20, 1), {},
                              {"run-2", h.nowIso(), h.nowIso(), h.nowIso()});
        const Hierarchy second = hierarchyOf(501, 650); // overlaps the first's last 51 tenants
        repository.replaceAll(key, second, {}, {"run-3", h.nowIso(), h.nowIso(), h.nowIso()});

        assertSame(second, repository.load(key));
        assertSame(hierarchyOf(20, 1), repository.load(other)); // another instance's rows stay
        CPPUNIT_ASSERT_EQUAL(std::string("run-3"), repository.state(key)->lastRunId);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchySaveTest);
