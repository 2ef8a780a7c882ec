// Snapshots of the saved hierarchy (SnapshotStore, SnapshotWriter, SnapshotReader) on the test
// database (ICT_TEST_DB): a staging snapshot is invisible until promote() swaps it in one step,
// a refused swap changes nothing, purges remove exactly one snapshot's rows, and paged reads give
// every row once in key order.
#include "storage/SnapshotStore.h"
#include "plugin/import-customers/storage/support/StorageDatabase.h"
#include "storage/CustomerSpool.h"
#include "storage/HierarchyQuery.h"
#include "storage/HierarchyRepository.h"
#include "storage/SnapshotReader.h"
#include "storage/SnapshotWriter.h"
#include "storage/SqlText.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

using namespace ict::domain;
using namespace ict::storage;
using ict::storage::test::StorageDatabase;

namespace {

const HierarchyKey kKey{7, 3};
const HierarchyKey kOther{7, 4};

std::string tenantId(int n) {
    char id[40];
    std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", 0x10000000 + (n * 7919) % 65536, n);
    return id;
}

/// A row of tenant `n` as `seller` ("" = direct) sees it, with `subscriptions` subscriptions.
TenantRow tenant(int n, const std::string& seller = "", int subscriptions = 2,
                 const std::string& name = "") {
    TenantRow row;
    row.tenantId = tenantId(n);
    row.companyName = name.empty() ? "Company " + std::to_string(n) : name;
    row.primaryDomain = "company" + std::to_string(n) + ".onmicrosoft.com";
    row.placement = seller.empty() ? TenantPlacement::Direct : TenantPlacement::EndCustomer;
    row.resellerMpnId = seller;
    row.status = TenantStatus::Unsynced;
    row.importable = n % 3 != 0;
    row.partnerCenterSubscriptionCount = subscriptions;
    for (int s = 0; s < subscriptions; ++s) {
        SubscriptionRow sub;
        sub.subscription.id = "sub-" + std::to_string(n) + "-" + seller + "-" + std::to_string(s);
        sub.subscription.customerTenantId = row.tenantId;
        sub.subscription.partnerId = seller;
        sub.subscription.offerId = "CFQ7TTC0LH18:0001:" + std::to_string(s);
        sub.subscription.kind = SubscriptionKind::Nce;
        sub.subscription.quantity = s + 1;
        sub.status = SubscriptionStatus::New;
        row.subscriptions.push_back(sub);
    }
    return row;
}

ResellerRow reseller(const std::string& mpnId, const std::string& name) {
    ResellerRow r;
    r.mpnId = mpnId;
    r.name = name;
    r.nameSource = ResellerNameSource::Relationship;
    return r;
}

TenantFetchError failure(int n) {
    return {tenantId(n), "Failed " + std::to_string(n), "failed.onmicrosoft.com",
            "HTTP 500 for tenant " + std::to_string(n)};
}

SaveStamp stampOf(const std::string& runId, const std::string& at,
                  std::optional<std::string> mass = std::nullopt,
                  std::optional<std::string> covered = std::nullopt) {
    return {runId, at, std::move(mass), std::move(covered)};
}

/// The tenant ids of a hierarchy's rows, "tenant/seller" each, sorted.
std::set<std::string> keysOf(const Hierarchy& h) {
    std::set<std::string> keys;
    for (const TenantRow& row : h.directTenants)
        keys.insert(row.tenantId + "/");
    for (const ResellerRow& r : h.resellers)
        for (const TenantRow& row : r.endCustomers)
            keys.insert(row.tenantId + "/" + row.resellerMpnId);
    for (const TenantRow& row : h.unassignedTenants)
        keys.insert(row.tenantId + "/");
    return keys;
}

std::vector<std::string> subscriptionIds(const TenantRow& row) {
    std::vector<std::string> ids;
    for (const SubscriptionRow& s : row.subscriptions)
        ids.push_back(s.subscription.id);
    return ids;
}

std::string join(const std::vector<std::string>& ids) {
    std::string text;
    for (const std::string& id : ids)
        text += id + " ";
    return text;
}

/// Every row of `n` tenants: each direct, every fourth also under reseller 100, every seventh
/// also under 200 (so one tenant may be three rows in a row in key order).
std::vector<TenantRow> manyRows(int n, int first = 0) {
    std::vector<TenantRow> rows;
    for (int i = first; i < first + n; ++i) {
        rows.push_back(tenant(i, "", i % 4));
        if (i % 4 == 0)
            rows.push_back(tenant(i, "100", 1));
        if (i % 7 == 0)
            rows.push_back(tenant(i, "200", 2));
    }
    return rows;
}

} // namespace

class SnapshotStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SnapshotStoreTest);
    CPPUNIT_TEST(stagingRowsAreUnseenUntilPromoted);
    CPPUNIT_TEST(firstPromoteCreatesTheStateAndRetiresNothing);
    CPPUNIT_TEST(promoteStampsLastUpdateOnlyWhenGiven);
    CPPUNIT_TEST(aFenceThatThrowsLeavesEverythingAsItWas);
    CPPUNIT_TEST(purgeRemovesEveryRowOfOneSnapshotInSlices);
    CPPUNIT_TEST(purgeLeftoversRemovesStagingAndRetiredSnapshotsOnly);
    CPPUNIT_TEST(aTenantRowWrittenTwiceIsKeptOnceTheFirst);
    CPPUNIT_TEST(aTenantRowListedTwiceInOneBatchIsKeptOnceTheFirst);
    CPPUNIT_TEST(pagesGiveEveryRowAndFailureOnceInKeyOrder);
    CPPUNIT_TEST(importableFilterAndCountRows);
    CPPUNIT_TEST(readPageAfterTheLastKeyIsEmptyAndLeavesLastAlone);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<StorageDatabase>(); }
    void tearDown() override { _db.reset(); }

    void stagingRowsAreUnseenUntilPromoted() {
        auto& db = _db->database();
        HierarchyRepository repository(db);
        HierarchyQuery query(db);
        Hierarchy first;
        first.directTenants = {tenant(1), tenant(2), tenant(3)};
        repository.replaceAll(kKey, first, {}, stampOf("run-1", "2026-02-01T00:00:00Z"));
        const std::int64_t current = repository.state(kKey)->snapshotId;

        SnapshotStore store(db);
        const std::int64_t staging = store.createStaging(kKey, "run-2", "2026-02-02T00:00:00Z");
        CPPUNIT_ASSERT(staging != current);
        SnapshotWriter writer(db, staging);
        writer.write(manyRows(10, 100), {failure(500)});
        writer.writeResellers({reseller("100", "One"), reseller("200", "Two")});

        // Readers see the current snapshot only.
        CPPUNIT_ASSERT(keysOf(repository.load(kKey)) == keysOf(first));
        TenantQuery all;
        all.limit = 500;
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), query.tenants(kKey, all).total);
        CPPUNIT_ASSERT(query.resellers(kKey).empty());
        CPPUNIT_ASSERT(repository.fetchErrors(kKey).empty());
        CPPUNIT_ASSERT_EQUAL(current, repository.state(kKey)->snapshotId);
        CPPUNIT_ASSERT_EQUAL(std::string("run-1"), repository.state(kKey)->lastRunId);

        const std::int64_t retired =
            store.promote(kKey, staging, stampOf("run-2", "2026-02-02T01:00:00Z"));
        CPPUNIT_ASSERT_EQUAL(current, retired);
        const std::vector<TenantRow> rows = manyRows(10, 100);
        const Hierarchy loaded = repository.load(kKey);
        CPPUNIT_ASSERT_EQUAL(rows.size(), keysOf(loaded).size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), loaded.resellers.size());
        CPPUNIT_ASSERT_EQUAL(rows.size(), query.tenants(kKey, all).total - 1); // + the failure
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), repository.fetchErrors(kKey).size());
        CPPUNIT_ASSERT_EQUAL(staging, repository.state(kKey)->snapshotId);
        CPPUNIT_ASSERT_EQUAL(std::string("run-2"), repository.state(kKey)->lastRunId);
        // The previous snapshot is retired, its rows still there until purged.
        CPPUNIT_ASSERT_EQUAL(std::string("retired"), snapshotState(current));
        CPPUNIT_ASSERT_EQUAL(std::string("current"), snapshotState(staging));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), countSnapshot(db, current).tenantRows);
        // Another instance saw none of it.
        CPPUNIT_ASSERT(!repository.state(kOther));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), query.tenants(kOther, all).total);
    }

    void firstPromoteCreatesTheStateAndRetiresNothing() {
        auto& db = _db->database();
        SnapshotStore store(db);
        CPPUNIT_ASSERT(!store.state(kKey));
        const std::int64_t staging = store.createStaging(kKey, "run-1", "2026-02-01T00:00:00Z");
        SnapshotWriter(db, staging).write({tenant(1)}, {});
        CPPUNIT_ASSERT(!store.state(kKey)); // staging alone is not a saved hierarchy
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), store.promote(kKey, staging,
                                                            stampOf("run-1", "2026-02-01T00:05:00Z",
                                                                    "2026-02-01T00:00:00Z",
                                                                    "2026-01-31T23:59:00Z")));
        const auto state = store.state(kKey);
        CPPUNIT_ASSERT(state);
        CPPUNIT_ASSERT_EQUAL(staging, state->snapshotId);
        CPPUNIT_ASSERT_EQUAL(std::string("run-1"), state->lastRunId);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T00:05:00Z"), state->savedAt);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T00:00:00Z"), state->lastMassUpdateAt.value());
        CPPUNIT_ASSERT_EQUAL(std::string("2026-01-31T23:59:00Z"),
                             state->changesCoveredUntil.value());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), keysOf(HierarchyRepository(db).load(kKey)).size());
    }

    void promoteStampsLastUpdateOnlyWhenGiven() {
        auto& db = _db->database();
        SnapshotStore store(db);
        const std::int64_t mass = store.createStaging(kKey, "run-1", "2026-02-01T00:00:00Z");
        store.promote(kKey, mass,
                      stampOf("run-1", "2026-02-01T00:05:00Z", "2026-02-01T00:00:00Z",
                              "2026-02-01T00:00:00Z"));
        // An incremental refresh: no new Last Update, a new covered time.
        const std::int64_t incremental = store.createStaging(kKey, "run-2", "2026-02-02T00:00:00Z");
        CPPUNIT_ASSERT_EQUAL(mass, store.promote(kKey, incremental,
                                                 stampOf("run-2", "2026-02-02T00:05:00Z",
                                                         std::nullopt, "2026-02-02T00:00:00Z")));
        auto state = store.state(kKey);
        CPPUNIT_ASSERT_EQUAL(incremental, state->snapshotId);
        CPPUNIT_ASSERT_EQUAL(std::string("run-2"), state->lastRunId);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-02T00:05:00Z"), state->savedAt);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T00:00:00Z"), state->lastMassUpdateAt.value());
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-02T00:00:00Z"),
                             state->changesCoveredUntil.value());
        // Neither set: only the save itself is stamped.
        const std::int64_t third = store.createStaging(kKey, "run-3", "2026-02-03T00:00:00Z");
        store.promote(kKey, third, stampOf("run-3", "2026-02-03T00:05:00Z"));
        state = store.state(kKey);
        CPPUNIT_ASSERT_EQUAL(std::string("run-3"), state->lastRunId);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T00:00:00Z"), state->lastMassUpdateAt.value());
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-02T00:00:00Z"),
                             state->changesCoveredUntil.value());
        // A mass run again.
        const std::int64_t fourth = store.createStaging(kKey, "run-4", "2026-02-04T00:00:00Z");
        store.promote(kKey, fourth,
                      stampOf("run-4", "2026-02-04T00:05:00Z", "2026-02-04T00:00:00Z"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-04T00:00:00Z"),
                             store.state(kKey)->lastMassUpdateAt.value());
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM ict_snapshots WHERE"
                                             " state = 'current'"));
    }

    void aFenceThatThrowsLeavesEverythingAsItWas() {
        auto& db = _db->database();
        HierarchyRepository repository(db);
        Hierarchy first;
        first.directTenants = {tenant(1), tenant(2)};
        repository.replaceAll(kKey, first, {},
                              stampOf("run-1", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z",
                                      "2026-02-01T00:00:00Z"));
        const InstanceState before = *repository.state(kKey);

        SnapshotStore store(db);
        const std::int64_t staging = store.createStaging(kKey, "run-2", "2026-02-02T00:00:00Z");
        SnapshotWriter(db, staging).write(manyRows(5, 50), {});
        bool fenceRan = false;
        try {
            store.promote(kKey, staging,
                          stampOf("run-2", "2026-02-02T00:05:00Z", "2026-02-02T00:00:00Z",
                                  "2026-02-02T00:00:00Z"),
                          [&](Poco::Data::Session&) {
                              fenceRan = true;
                              throw std::runtime_error("lease lost");
                          });
            CPPUNIT_FAIL("promote() went on past a fence that threw");
        } catch (const std::runtime_error& e) {
            CPPUNIT_ASSERT_EQUAL(std::string("lease lost"), std::string(e.what()));
        }
        CPPUNIT_ASSERT(fenceRan);
        const InstanceState after = *repository.state(kKey);
        CPPUNIT_ASSERT_EQUAL(before.snapshotId, after.snapshotId);
        CPPUNIT_ASSERT_EQUAL(before.lastRunId, after.lastRunId);
        CPPUNIT_ASSERT_EQUAL(before.savedAt, after.savedAt);
        CPPUNIT_ASSERT_EQUAL(before.lastMassUpdateAt.value(), after.lastMassUpdateAt.value());
        CPPUNIT_ASSERT_EQUAL(before.changesCoveredUntil.value(), after.changesCoveredUntil.value());
        CPPUNIT_ASSERT(keysOf(repository.load(kKey)) == keysOf(first));
        CPPUNIT_ASSERT_EQUAL(std::string("current"), snapshotState(before.snapshotId));
        CPPUNIT_ASSERT_EQUAL(std::string("staging"), snapshotState(staging));

        // A fence that lets it through: the swap happens, the fence sees the same transaction.
        const std::int64_t retired =
            store.promote(kKey, staging, stampOf("run-2", "2026-02-02T00:06:00Z"),
                          [&](Poco::Data::Session& session) {
                              Poco::Int64 id = staging;
                              std::string state;
                              session
                                  << forDialectOf("SELECT state FROM ict_snapshots WHERE id = ?"),
                                  Poco::Data::Keywords::use(id), Poco::Data::Keywords::into(state),
                                  Poco::Data::Keywords::now;
                              CPPUNIT_ASSERT_EQUAL(std::string("staging"), state);
                          });
        CPPUNIT_ASSERT_EQUAL(before.snapshotId, retired);
        CPPUNIT_ASSERT_EQUAL(staging, repository.state(kKey)->snapshotId);
    }

    void purgeRemovesEveryRowOfOneSnapshotInSlices() {
        auto& db = _db->database();
        SnapshotStore store(db);
        // The current snapshot of another instance, and an older one of this instance.
        const std::int64_t other = store.createStaging(kOther, "run-o", "2026-02-01T00:00:00Z");
        SnapshotWriter(db, other).write(manyRows(30), {failure(9000)});
        SnapshotWriter(db, other).writeResellers({reseller("100", "One")});
        CustomerSpool(db, other).append({{tenantId(1), "One", "one.com", "reseller", ""}});
        store.promote(kOther, other, stampOf("run-o", "2026-02-01T00:01:00Z"));
        const std::int64_t keep = store.createStaging(kKey, "run-k", "2026-02-01T00:00:00Z");
        SnapshotWriter(db, keep).write(manyRows(40, 2000), {});
        const SnapshotCounts otherBefore = countSnapshot(db, other);
        const SnapshotCounts keepBefore = countSnapshot(db, keep);

        // 2,500 tenants (3,483 rows, several purge slices of 1,000 tenants; the rows of a tenant
        // with three sellers may straddle a slice), failures, resellers, 12,000 spooled
        // customers (three slices of 5,000).
        const std::int64_t doomed = store.createStaging(kKey, "run-d", "2026-02-02T00:00:00Z");
        SnapshotWriter writer(db, doomed);
        std::vector<TenantRow> rows = manyRows(2500);
        for (std::size_t begin = 0; begin < rows.size(); begin += 700)
            writer.write(std::vector<TenantRow>(rows.begin() + begin,
                                                rows.begin() + std::min(rows.size(), begin + 700)),
                         {});
        writer.write({}, {failure(9001), failure(9002)});
        writer.writeResellers({reseller("100", "One"), reseller("200", "Two")});
        CustomerSpool spool(db, doomed);
        for (int page = 0; page < 24; ++page) {
            std::vector<Customer> customers;
            for (int i = 0; i < 500; ++i)
                customers.push_back({tenantId(page * 500 + i), "C", "c.com", "reseller", ""});
            spool.append(customers);
        }
        const SnapshotCounts counts = countSnapshot(db, doomed);
        CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(rows.size()), counts.tenantRows);
        CPPUNIT_ASSERT(counts.tenantRows > 3000);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), counts.failures);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), counts.resellers);
        CPPUNIT_ASSERT_EQUAL(12000LL, rowsOf("ict_crawl_customers", doomed));

        store.purge(doomed);
        for (const char* table :
             {"ict_tenants", "ict_subscriptions", "ict_resellers", "ict_crawl_customers"})
            CPPUNIT_ASSERT_EQUAL_MESSAGE(table, 0LL, rowsOf(table, doomed));
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM ict_snapshots WHERE id = " +
                                             std::to_string(doomed)));
        // The others are untouched.
        assertSameCounts(otherBefore, countSnapshot(db, other));
        assertSameCounts(keepBefore, countSnapshot(db, keep));
        CPPUNIT_ASSERT_EQUAL(1LL, rowsOf("ict_crawl_customers", other));
        CPPUNIT_ASSERT_EQUAL(std::size_t(30 + 8 + 5),
                             keysOf(HierarchyRepository(db).load(kOther)).size());
        // Purging an empty snapshot (or one already gone) is harmless.
        const std::int64_t empty = store.createStaging(kKey, "run-e", "2026-02-03T00:00:00Z");
        store.purge(empty);
        store.purge(empty);
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM ict_snapshots WHERE id = " +
                                             std::to_string(empty)));
    }

    void purgeLeftoversRemovesStagingAndRetiredSnapshotsOnly() {
        auto& db = _db->database();
        SnapshotStore store(db);
        const auto staged = [&](const HierarchyKey& key, const std::string& run, int first) {
            const std::int64_t id = store.createStaging(key, run, "2026-02-01T00:00:00Z");
            SnapshotWriter(db, id).write(manyRows(12, first), {failure(first + 500)});
            SnapshotWriter(db, id).writeResellers({reseller("100", "One")});
            return id;
        };
        const std::int64_t retired = staged(kKey, "run-1", 0);
        store.promote(kKey, retired, stampOf("run-1", "2026-02-01T00:01:00Z"));
        const std::int64_t current = staged(kKey, "run-2", 100);
        CPPUNIT_ASSERT_EQUAL(retired, store.promote(kKey, current, stampOf("run-2", "x")));
        const std::int64_t abandoned = staged(kKey, "run-3", 200); // its host died
        const std::int64_t otherStaging = staged(kOther, "run-4", 300);
        const SnapshotCounts currentBefore = countSnapshot(db, current);

        CPPUNIT_ASSERT_EQUAL(std::size_t(2), store.purgeLeftovers(kKey));
        CPPUNIT_ASSERT_EQUAL(0LL, rowsOf("ict_tenants", retired));
        CPPUNIT_ASSERT_EQUAL(0LL, rowsOf("ict_tenants", abandoned));
        CPPUNIT_ASSERT_EQUAL(0LL, rowsOf("ict_subscriptions", abandoned));
        CPPUNIT_ASSERT_EQUAL(0LL, rowsOf("ict_resellers", retired));
        assertSameCounts(currentBefore, countSnapshot(db, current));
        CPPUNIT_ASSERT_EQUAL(std::string("staging"), snapshotState(otherStaging));
        CPPUNIT_ASSERT(countSnapshot(db, otherStaging).tenantRows > 0);
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM ict_snapshots WHERE"
                                             " organization_id = 7 AND instance_id = 3"));
        CPPUNIT_ASSERT_EQUAL(current, store.state(kKey)->snapshotId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.purgeLeftovers(kKey));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), store.purgeLeftovers(kOther));
    }

    void aTenantRowWrittenTwiceIsKeptOnceTheFirst() {
        auto& db = _db->database();
        SnapshotStore store(db);
        const std::int64_t staging = store.createStaging(kKey, "run-1", "2026-02-01T00:00:00Z");
        SnapshotWriter writer(db, staging);
        writer.write({tenant(1, "", 2, "First"), tenant(1, "100", 1, "First")}, {});
        // Partner Center listed the tenant again (on a later page), with other subscriptions.
        TenantRow again = tenant(1, "", 3, "Second");
        again.subscriptions.erase(again.subscriptions.begin());
        writer.write({again, tenant(2)}, {failure(1)});

        const SnapshotCounts counts = countSnapshot(db, staging);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counts.failures); // its failure row too is dropped
        store.promote(kKey, staging, stampOf("run-1", "2026-02-01T00:01:00Z"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), keysOf(HierarchyRepository(db).load(kKey)).size());
        const Hierarchy loaded = HierarchyRepository(db).loadTenants(kKey, {tenantId(1)});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), loaded.directTenants.size());
        const TenantRow& kept = loaded.directTenants[0];
        CPPUNIT_ASSERT_EQUAL(std::string("First"), kept.companyName);
        CPPUNIT_ASSERT_EQUAL(join(subscriptionIds(tenant(1, "", 2))), join(subscriptionIds(kept)));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2 + 1 + 2), counts.subscriptions);
    }

    void aTenantRowListedTwiceInOneBatchIsKeptOnceTheFirst() {
        auto& db = _db->database();
        SnapshotStore store(db);
        const std::int64_t staging = store.createStaging(kKey, "run-1", "2026-02-01T00:00:00Z");
        // A batch of many rows (sorted into key order before it is written), the tenant twice.
        std::vector<TenantRow> rows = manyRows(300);
        rows.insert(rows.begin() + 20, tenant(77, "", 1, "First of 77"));
        rows.push_back(tenant(77, "", 2, "Second of 77"));
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [](const TenantRow& row) {
                                      return row.tenantId == tenantId(77) &&
                                             row.resellerMpnId.empty() &&
                                             row.companyName == "Company 77";
                                  }),
                   rows.end());
        SnapshotWriter(db, staging).write(rows, {});
        store.promote(kKey, staging, stampOf("run-1", "2026-02-01T00:01:00Z"));
        const Hierarchy loaded = HierarchyRepository(db).loadTenants(kKey, {tenantId(77)});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), loaded.directTenants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("First of 77"), loaded.directTenants[0].companyName);
        CPPUNIT_ASSERT_EQUAL(join(subscriptionIds(tenant(77, "", 1))),
                             join(subscriptionIds(loaded.directTenants[0])));
        CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(rows.size() - 1),
                             countSnapshot(db, staging).tenantRows);
    }

    void pagesGiveEveryRowAndFailureOnceInKeyOrder() {
        auto& db = _db->database();
        const std::int64_t snapshot = filledSnapshot();
        const std::vector<TenantRow> written = manyRows(60);
        std::map<std::pair<std::string, std::string>, std::vector<std::string>> expected;
        for (const TenantRow& row : written)
            expected[{row.tenantId, row.resellerMpnId}] = subscriptionIds(row);
        std::map<std::string, std::string> failureMessages;
        for (int f = 1000; f < 1010; ++f) {
            expected[{tenantId(f), ""}] = {};
            failureMessages[tenantId(f)] = failure(f).message;
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t(60 + 15 + 9 + 10), expected.size());

        SnapshotReader reader(db);
        for (const std::size_t pageSize : {std::size_t(1), std::size_t(7), std::size_t(500)}) {
            std::vector<std::pair<std::string, std::string>> seen;
            std::size_t pages = 0;
            reader.forEachPage(snapshot, pageSize, {}, [&](SnapshotPage& page) {
                ++pages;
                CPPUNIT_ASSERT(page.rows.size() + page.failures.size() <= pageSize);
                // Within a page, rows and failures are merged back into key order here; every
                // key of this page comes after every key of the ones before.
                std::vector<std::pair<std::string, std::string>> keys;
                for (const TenantRow& row : page.rows) {
                    keys.push_back({row.tenantId, row.resellerMpnId});
                    const auto found = expected.find(keys.back());
                    CPPUNIT_ASSERT(found != expected.end());
                    CPPUNIT_ASSERT(subscriptionIds(row) == found->second);
                }
                for (const TenantFetchError& f : page.failures) {
                    keys.push_back({f.tenantId, ""});
                    CPPUNIT_ASSERT_EQUAL(failureMessages[f.tenantId], f.message);
                    CPPUNIT_ASSERT_EQUAL(failure(std::stoi(f.tenantId.substr(24))).companyName,
                                         f.companyName);
                }
                std::sort(keys.begin(), keys.end());
                if (!seen.empty() && !keys.empty())
                    CPPUNIT_ASSERT(seen.back() < keys.front());
                seen.insert(seen.end(), keys.begin(), keys.end());
                return true;
            });
            CPPUNIT_ASSERT_EQUAL(expected.size(), seen.size());
            std::size_t i = 0;
            for (const auto& [key, ids] : expected)
                CPPUNIT_ASSERT(seen[i++] == key);
            CPPUNIT_ASSERT(pages >= (expected.size() + pageSize - 1) / pageSize);
        }
        // onPage returning false stops the pass.
        std::size_t calls = 0;
        reader.forEachPage(snapshot, 7, {}, [&](SnapshotPage&) { return ++calls < 3; });
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), calls);
    }

    void importableFilterAndCountRows() {
        auto& db = _db->database();
        const std::int64_t snapshot = filledSnapshot();
        std::set<std::pair<std::string, std::string>> importable;
        std::size_t rows = 0;
        for (const TenantRow& row : manyRows(60)) {
            ++rows;
            if (row.importable)
                importable.insert({row.tenantId, row.resellerMpnId});
        }
        SnapshotReader reader(db);
        CPPUNIT_ASSERT_EQUAL(rows, reader.countRows(snapshot, {}));
        CPPUNIT_ASSERT_EQUAL(importable.size(), reader.countRows(snapshot, {true}));
        CPPUNIT_ASSERT(importable.size() < rows && !importable.empty());
        for (const std::size_t pageSize : {std::size_t(1), std::size_t(7), std::size_t(500)}) {
            std::set<std::pair<std::string, std::string>> seen;
            std::size_t seenRows = 0;
            reader.forEachPage(snapshot, pageSize, {true}, [&](SnapshotPage& page) {
                CPPUNIT_ASSERT(page.failures.empty()); // failures are never offered for import
                for (const TenantRow& row : page.rows) {
                    CPPUNIT_ASSERT(row.importable);
                    seen.insert({row.tenantId, row.resellerMpnId});
                    ++seenRows;
                }
                return true;
            });
            CPPUNIT_ASSERT_EQUAL(importable.size(), seenRows);
            CPPUNIT_ASSERT(seen == importable);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), reader.countRows(snapshot + 1000, {}));
    }

    void readPageAfterTheLastKeyIsEmptyAndLeavesLastAlone() {
        auto& db = _db->database();
        const std::int64_t snapshot = filledSnapshot();
        SnapshotReader reader(db);
        RowKey last;
        SnapshotPage first = reader.readPage(snapshot, std::nullopt, 7, {}, last);
        CPPUNIT_ASSERT_EQUAL(std::size_t(7), first.rows.size() + first.failures.size());
        RowKey second;
        SnapshotPage next = reader.readPage(snapshot, last, 7, {}, second);
        CPPUNIT_ASSERT(std::tie(last.tenantId, last.resellerMpnId) <
                       std::tie(second.tenantId, second.resellerMpnId));
        // Everything: the last key of a page of all rows; after it, nothing.
        RowKey end;
        SnapshotPage all = reader.readPage(snapshot, std::nullopt, 10000, {}, end);
        CPPUNIT_ASSERT_EQUAL(std::size_t(60 + 15 + 9 + 10), all.rows.size() + all.failures.size());
        RowKey untouched{"unchanged", "x"};
        SnapshotPage after = reader.readPage(snapshot, end, 7, {}, untouched);
        CPPUNIT_ASSERT(after.rows.empty() && after.failures.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("unchanged"), untouched.tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("x"), untouched.resellerMpnId);
    }

private:
    /// A staging snapshot of manyRows(60) and 10 failures, written in three batches.
    std::int64_t filledSnapshot() {
        auto& db = _db->database();
        const std::int64_t id =
            SnapshotStore(db).createStaging(kKey, "run-p", "2026-02-01T00:00:00Z");
        SnapshotWriter writer(db, id);
        const std::vector<TenantRow> rows = manyRows(60);
        writer.write({rows.begin(), rows.begin() + 40}, {failure(1000), failure(1001)});
        writer.write({rows.begin() + 40, rows.end()}, {});
        std::vector<TenantFetchError> failures;
        for (int f = 1002; f < 1010; ++f)
            failures.push_back(failure(f));
        writer.write({}, failures);
        return id;
    }

    std::string forDialectOf(const std::string& sql) const {
        return forDialect(_db->dialect(), sql);
    }

    std::string snapshotState(std::int64_t id) {
        Poco::Data::Session session = _db->database().session();
        Poco::Int64 snapshot = id;
        std::vector<std::string> states;
        session << forDialectOf("SELECT state FROM ict_snapshots WHERE id = ?"),
            Poco::Data::Keywords::use(snapshot), Poco::Data::Keywords::into(states),
            Poco::Data::Keywords::now;
        return states.empty() ? "gone" : states.front();
    }

    long long rowsOf(const std::string& table, std::int64_t snapshot) {
        return _db->count("SELECT COUNT(*) FROM " + table +
                          " WHERE snapshot_id = " + std::to_string(snapshot));
    }

    static void assertSameCounts(const SnapshotCounts& expected, const SnapshotCounts& got) {
        CPPUNIT_ASSERT_EQUAL(expected.tenantRows, got.tenantRows);
        CPPUNIT_ASSERT_EQUAL(expected.failures, got.failures);
        CPPUNIT_ASSERT_EQUAL(expected.subscriptions, got.subscriptions);
        CPPUNIT_ASSERT_EQUAL(expected.resellers, got.resellers);
    }

    std::unique_ptr<StorageDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SnapshotStoreTest);
