// The tenant list's query (HierarchyQuery::tenants) on a database migrated from the previous
// schema version (ICT_TEST_DB): every sort and direction, paged, must give the order the database
// gives the same ORDER BY over all rows in one statement, with the filtered total on every page.
#include "db/HostDatabase.h"
#include "domain/validation/AsciiText.h"
#include "storage/HierarchyQuery.h"
#include "storage/HierarchyRepository.h"
#include "storage/Migrations.h"
#include "storage/SqlText.h"
#include "support/TestDatabase.h"
#include "support/VersionFourRows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>

using namespace Poco::Data::Keywords;
using ict::domain::Hierarchy;
using ict::domain::ResellerNameSource;
using ict::domain::ResellerRow;
using ict::domain::TenantPlacement;
using ict::domain::TenantRow;
using ict::domain::TenantStatus;
using ict::storage::HierarchyKey;
using ict::storage::HierarchyQuery;
using ict::storage::TenantQuery;
using ict::storage::TenantSort;

namespace {

const HierarchyKey kKey{7, 3};
const HierarchyKey kOtherInstance{7, 4};

TenantRow tenant(int i, const std::string& name, TenantStatus status, int subscriptions) {
    TenantRow row;
    char id[40];
    std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", 0x1000 + (i * 7919) % 4096, i);
    row.tenantId = id;
    row.companyName = name;
    row.primaryDomain = ict::domain::asciiLower(name.empty() ? "none" : name.substr(0, 3)) +
                        std::to_string(i % 5) + ".onmicrosoft.com";
    row.placement = TenantPlacement::Direct;
    row.status = status;
    row.partnerCenterSubscriptionCount = subscriptions;
    row.importable = i % 3 == 0;
    return row;
}

/// 60 direct rows with mixed case, accents, equal names and equal sort keys, plus end-customer
/// rows of two resellers, two of them for tenants that also have a direct row.
Hierarchy sample() {
    const std::vector<std::string> names = {"alpha",   "Alpha",  "ALPHA",  "Beta",   "beta ltd",
                                            "Zeta",    "zeta",   "Éclair", "éclair", "eclair",
                                            "Ünited",  "united", "Ωmega",  "",       "Gamma",
                                            "gamma 2", "_under", "%pct",   "Delta",  "delta"};
    const TenantStatus statuses[] = {TenantStatus::Unsynced, TenantStatus::Synced,
                                     TenantStatus::NewSubscriptions};
    Hierarchy hierarchy;
    for (int i = 0; i < 60; ++i)
        hierarchy.directTenants.push_back(
            tenant(i, names[i % names.size()], statuses[i % 3], (i * 5) % 7));
    for (int r = 0; r < 2; ++r) {
        ResellerRow reseller;
        reseller.mpnId = std::to_string(1000 + r);
        reseller.name = r ? "zebra Reseller" : "Acme reseller";
        reseller.nameSource = ResellerNameSource::Relationship;
        for (int i = 0; i < 6; ++i) {
            // i 0 and 1 share tenant ids with direct rows: one tenant, two sellers.
            TenantRow row = tenant(i < 2 ? i + r * 2 : 100 + r * 10 + i, names[(i * 3) % 20],
                                   statuses[i % 3], i);
            row.placement = TenantPlacement::EndCustomer;
            row.resellerMpnId = reseller.mpnId;
            reseller.endCustomers.push_back(row);
        }
        hierarchy.resellers.push_back(reseller);
    }
    return hierarchy;
}

using Key = std::pair<std::string, std::string>; // tenant id, reseller mpn id

} // namespace

class TenantListQueryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TenantListQueryTest);
    CPPUNIT_TEST(migratesFromVersionThreeKeepingTheSavedRows);
    CPPUNIT_TEST(everySortPagesInTheDatabasesOrder);
    CPPUNIT_TEST(nameSortIgnoresCase);
    CPPUNIT_TEST(filteredSortedPagesCarryTheFilteredTotal);
    CPPUNIT_TEST(aTenantOfTwoSellersIsTwoRowsWithTheirOwnSeller);
    CPPUNIT_TEST(filterCountsMatchTheRowsFromTheFilterIndex);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _testDb = std::make_unique<ict::test::TestDatabase>();
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        // Version 3's schema, a save in its table shapes, then the upgrade (migration 4: the
        // sort indexes, 5: snapshots).
        std::vector<ict::storage::Migration> previous =
            ict::storage::toolMigrations(_db->dialect());
        previous.erase(std::remove_if(previous.begin(), previous.end(),
                                      [](const auto& m) { return m.version > 3; }),
                       previous.end());
        CPPUNIT_ASSERT_EQUAL(3, ict::storage::migrate(*_db, previous, "2026-01-01T00:00:00Z"));
        ict::application::test::saveVersionFourRows(*_db, kKey, sample(), "2026-01-01T00:00:00Z");
        Hierarchy other;
        other.directTenants.push_back(tenant(500, "alpha elsewhere", TenantStatus::Synced, 1));
        ict::application::test::saveVersionFourRows(*_db, kOtherInstance, other,
                                                    "2026-01-01T00:00:00Z");
        _latest = ict::storage::migrate(*_db, ict::storage::toolMigrations(_db->dialect()),
                                        "2026-01-02T00:00:00Z");
        _rowCount = 60 + 12;
    }

    void tearDown() override {
        _db.reset();
        _testDb.reset();
    }

    void migratesFromVersionThreeKeepingTheSavedRows() {
        CPPUNIT_ASSERT(_latest > 3);
        HierarchyQuery query(*_db);
        TenantQuery all;
        all.limit = 500;
        const auto page = query.tenants(kKey, all);
        CPPUNIT_ASSERT_EQUAL(_rowCount, page.total);
        CPPUNIT_ASSERT_EQUAL(_rowCount, page.rows.size());
        // Migrating again changes nothing.
        CPPUNIT_ASSERT_EQUAL(
            _latest, ict::storage::migrate(*_db, ict::storage::toolMigrations(_db->dialect()),
                                           "2026-01-03T00:00:00Z"));
        CPPUNIT_ASSERT_EQUAL(_rowCount, query.tenants(kKey, all).total);
    }

    void everySortPagesInTheDatabasesOrder() {
        const std::pair<TenantSort, std::string> sorts[] = {
            {TenantSort::Name, "t.company_name_key"},
            {TenantSort::Domain, "t.primary_domain"},
            {TenantSort::TenantId, ""},
            {TenantSort::Status, "t.status"},
            {TenantSort::Subscriptions, "t.pc_subscription_count"},
            {TenantSort::Reseller, "COALESCE(r.name, '')"}};
        for (const auto& [sort, column] : sorts)
            for (bool descending : {false, true}) {
                const std::vector<Key> expected = databaseOrder(column, descending);
                CPPUNIT_ASSERT_EQUAL(_rowCount, expected.size());
                TenantQuery q;
                q.sort = sort;
                q.descending = descending;
                q.limit = 7;
                const std::vector<Key> paged = pageThrough(q, _rowCount);
                CPPUNIT_ASSERT_MESSAGE(column + (descending ? " DESC" : " ASC"), expected == paged);
            }
    }

    void nameSortIgnoresCase() {
        TenantQuery q;
        q.limit = 500;
        const auto rows = HierarchyQuery(*_db).tenants(kKey, q).rows;
        auto position = [&](const std::string& name) {
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (rows[i].row.companyName == name)
                    return i;
            CPPUNIT_FAIL("no row named " + name);
            return rows.size();
        };
        // Upper case sorts with lower case (byte order would put "Zeta" before "alpha").
        CPPUNIT_ASSERT(position("alpha") < position("Beta"));
        CPPUNIT_ASSERT(position("Zeta") > position("gamma 2"));
        CPPUNIT_ASSERT(position("ALPHA") < position("beta ltd"));
        // Equal keys ("alpha", "Alpha", "ALPHA") are ordered by tenant id.
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (ict::domain::asciiLower(rows[i - 1].row.companyName) ==
                ict::domain::asciiLower(rows[i].row.companyName))
                CPPUNIT_ASSERT(rows[i - 1].row.tenantId <= rows[i].row.tenantId);
    }

    void filteredSortedPagesCarryTheFilteredTotal() {
        TenantQuery q;
        q.name = "A"; // case-insensitive contains
        q.status = "synced";
        q.sort = TenantSort::Subscriptions;
        q.descending = true;
        q.limit = 2;
        std::multiset<Key> expected;
        const Hierarchy all = sample();
        auto consider = [&](const TenantRow& row) {
            if (ict::domain::asciiLower(row.companyName).find('a') != std::string::npos &&
                row.status == TenantStatus::Synced)
                expected.insert({row.tenantId, row.resellerMpnId});
        };
        for (const TenantRow& row : all.directTenants)
            consider(row);
        for (const ResellerRow& reseller : all.resellers)
            for (const TenantRow& row : reseller.endCustomers)
                consider(row);
        CPPUNIT_ASSERT(expected.size() > 4); // several pages
        HierarchyQuery query(*_db);
        std::multiset<Key> seen;
        std::int64_t previousCount = 1000;
        for (q.offset = 0; q.offset < expected.size() + 2; q.offset += q.limit) {
            const auto page = query.tenants(kKey, q);
            CPPUNIT_ASSERT_EQUAL(expected.size(), page.total);
            for (const auto& item : page.rows) {
                CPPUNIT_ASSERT(item.row.partnerCenterSubscriptionCount <= previousCount);
                previousCount = item.row.partnerCenterSubscriptionCount;
                seen.insert({item.row.tenantId, item.row.resellerMpnId});
            }
        }
        CPPUNIT_ASSERT(expected == seen);
        // The other instance's "alpha elsewhere" is not counted.
        q.status.clear();
        q.name = "elsewhere";
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), query.tenants(kKey, q).total);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), query.tenants(kOtherInstance, q).total);
        // LIKE's wildcards in a filter are literal text.
        q.name = "_";
        const auto underscore = query.tenants(kKey, q);
        CPPUNIT_ASSERT(underscore.total > 0);
        for (const auto& item : underscore.rows)
            CPPUNIT_ASSERT_EQUAL(std::string("_under"), item.row.companyName);
    }

    void aTenantOfTwoSellersIsTwoRowsWithTheirOwnSeller() {
        const Hierarchy all = sample();
        const std::string shared = all.resellers[1].endCustomers[0].tenantId;
        CPPUNIT_ASSERT_EQUAL(shared, all.directTenants[2].tenantId);
        TenantQuery q;
        q.tenantId = shared;
        q.sort = TenantSort::Reseller;
        q.limit = 1;
        HierarchyQuery query(*_db);
        const auto first = query.tenants(kKey, q);
        q.offset = 1;
        const auto second = query.tenants(kKey, q);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), first.total);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), first.rows.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), second.rows.size());
        // Ascending reseller name: the direct row ("") first, then the zebra reseller's.
        CPPUNIT_ASSERT_EQUAL(std::string(""), first.rows[0].row.resellerMpnId);
        CPPUNIT_ASSERT_EQUAL(std::string(""), first.rows[0].resellerName);
        CPPUNIT_ASSERT_EQUAL(std::string("1001"), second.rows[0].row.resellerMpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("zebra Reseller"), second.rows[0].resellerName);
        CPPUNIT_ASSERT(second.rows[0].row.placement == TenantPlacement::EndCustomer);
        CPPUNIT_ASSERT_EQUAL(all.resellers[1].endCustomers[0].companyName,
                             second.rows[0].row.companyName);
    }

    /// The filters without a sort index of their own count from ict_tenants_filters (migration
    /// 6): right on both databases, and on SQLite from that index alone, never a table scan (at
    /// 100,000 tenants the scan made such a page 280 ms).
    void filterCountsMatchTheRowsFromTheFilterIndex() {
        HierarchyQuery query(*_db);
        auto countRows = [](const std::function<bool(const TenantRow&)>& keep) {
            const Hierarchy all = sample();
            std::size_t n = 0;
            for (const TenantRow& row : all.directTenants)
                n += keep(row) ? 1 : 0;
            for (const ResellerRow& reseller : all.resellers)
                for (const TenantRow& row : reseller.endCustomers)
                    n += keep(row) ? 1 : 0;
            return n;
        };
        TenantQuery importable;
        importable.importableOnly = true;
        const std::size_t importableRows =
            countRows([](const TenantRow& r) { return r.importable; });
        CPPUNIT_ASSERT(importableRows > 0 && importableRows < _rowCount);
        CPPUNIT_ASSERT_EQUAL(importableRows, query.tenants(kKey, importable).total);
        TenantQuery endCustomers;
        endCustomers.placement = "end_customer";
        CPPUNIT_ASSERT_EQUAL(std::size_t(12), query.tenants(kKey, endCustomers).total);
        TenantQuery both = endCustomers;
        both.importableOnly = true;
        CPPUNIT_ASSERT_EQUAL(countRows([](const TenantRow& r) {
                                 return r.importable && r.placement == TenantPlacement::EndCustomer;
                             }),
                             query.tenants(kKey, both).total);
        if (_db->dialect() != bss::sdk::SqlDialect::SQLite)
            return; // PostgreSQL chooses by its statistics; a table this small is read whole.
        TenantQuery kind;
        kind.subscriptionKind = "nce";
        TenantQuery errors;
        errors.status = "error";
        for (const TenantQuery& q : {importable, endCustomers, both, kind, errors}) {
            const std::string plan = countPlan(q);
            CPPUNIT_ASSERT_MESSAGE(plan, plan.find("COVERING INDEX ict_tenants_filters") !=
                                             std::string::npos);
        }
    }

private:
    /// SQLite's plan for the count of `q`'s page, its detail lines joined.
    std::string countPlan(const TenantQuery& q) {
        ict::storage::TenantCountStatement count = ict::storage::tenantCountStatement(q);
        Poco::Data::Session session = _db->session();
        Poco::Data::Statement explain(session);
        Poco::Int64 snapshot = 1;
        explain << "EXPLAIN QUERY PLAN " + count.sql, use(snapshot);
        for (std::string& param : count.params)
            explain, use(param);
        explain.execute();
        Poco::Data::RecordSet rows(explain);
        std::string plan;
        for (std::size_t r = 0; r < rows.rowCount(); ++r)
            plan += rows.value(rows.columnCount() - 1, r).convert<std::string>() + "; ";
        return plan;
    }

    /// The keys in the order the database gives `column` (then the primary key) over all rows.
    std::vector<Key> databaseOrder(const std::string& column, bool descending) {
        const std::string direction = descending ? " DESC" : " ASC";
        Poco::Data::Session session = _db->session();
        std::vector<std::string> tenantIds, resellerIds;
        Poco::Int64 org = kKey.organizationId, instance = kKey.instanceId;
        session << ict::storage::forDialect(
            _db->dialect(), "SELECT t.tenant_id, t.reseller_mpn_id FROM ict_tenants t"
                            " JOIN ict_instance_state i ON i.snapshot_id = t.snapshot_id"
                            " LEFT JOIN ict_resellers r ON r.snapshot_id = t.snapshot_id"
                            " AND r.mpn_id = t.reseller_mpn_id"
                            " WHERE i.organization_id = ? AND i.instance_id = ? ORDER BY " +
                                (column.empty() ? "" : column + direction + ", ") + "t.tenant_id" +
                                direction + ", t.reseller_mpn_id" + direction),
            use(org), use(instance), into(tenantIds), into(resellerIds), now;
        std::vector<Key> keys;
        for (std::size_t i = 0; i < tenantIds.size(); ++i)
            keys.emplace_back(tenantIds[i], resellerIds[i]);
        return keys;
    }

    std::vector<Key> pageThrough(TenantQuery q, std::size_t total) {
        HierarchyQuery query(*_db);
        std::vector<Key> keys;
        for (q.offset = 0; q.offset < total; q.offset += q.limit) {
            const auto page = query.tenants(kKey, q);
            CPPUNIT_ASSERT_EQUAL(total, page.total);
            CPPUNIT_ASSERT_EQUAL(std::min(q.limit, total - q.offset), page.rows.size());
            for (const auto& item : page.rows)
                keys.emplace_back(item.row.tenantId, item.row.resellerMpnId);
        }
        return keys;
    }

    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
    int _latest = 0;
    std::size_t _rowCount = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TenantListQueryTest);
