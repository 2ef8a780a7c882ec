#include "storage/HierarchyRepository.h"

#include "storage/SnapshotReader.h"
#include "storage/SnapshotRowWriter.h"
#include "storage/SnapshotStore.h"
#include "storage/SnapshotWriter.h"
#include "storage/SqlText.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;

/// Tenant ids per DELETE ... IN of replaceTenants().
constexpr std::size_t kIdsPerDelete = 500;

std::vector<TenantRow> allRows(const Hierarchy& hierarchy) {
    std::vector<TenantRow> rows = hierarchy.directTenants;
    rows.insert(rows.end(), hierarchy.unassignedTenants.begin(), hierarchy.unassignedTenants.end());
    for (const ResellerRow& reseller : hierarchy.resellers)
        rows.insert(rows.end(), reseller.endCustomers.begin(), reseller.endCustomers.end());
    return rows;
}

std::vector<ResellerRow> resellerRows(const Hierarchy& hierarchy) {
    std::vector<ResellerRow> resellers;
    for (const ResellerRow& reseller : hierarchy.resellers) {
        ResellerRow row = reseller;
        row.endCustomers.clear();
        resellers.push_back(std::move(row));
    }
    return resellers;
}

} // namespace

HierarchyRepository::HierarchyRepository(bss::sdk::Database& database) : _database(database) {}

void HierarchyRepository::replaceAll(const HierarchyKey& key, const Hierarchy& hierarchy,
                                     const std::vector<TenantFetchError>& failures,
                                     const SaveStamp& stamp) {
    SnapshotStore snapshots(_database);
    const std::int64_t staging = snapshots.createStaging(key, stamp.runId, stamp.savedAt);
    try {
        SnapshotWriter writer(_database, staging);
        writer.write(allRows(hierarchy), failures);
        writer.writeResellers(resellerRows(hierarchy));
    } catch (...) {
        snapshots.purge(staging);
        throw;
    }
    if (const std::int64_t retired = snapshots.promote(key, staging, stamp))
        snapshots.purge(retired);
}

void HierarchyRepository::replaceTenants(const HierarchyKey& key,
                                         const std::vector<std::string>& tenantIds,
                                         const Hierarchy& hierarchy,
                                         const std::vector<TenantFetchError>& failures,
                                         const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    SnapshotStore snapshots(_database);
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    lockState(session, dialect, key);
    Poco::Int64 snapshot = snapshots.currentOrCreate(session, key, stamp);
    // One statement per table and slice of ids, not one per tenant: an import refreshes a
    // batch's tenants at once, and on PostgreSQL each statement is a round trip.
    for (std::size_t begin = 0; begin < tenantIds.size(); begin += kIdsPerDelete) {
        std::vector<std::string> ids(
            tenantIds.begin() + static_cast<std::ptrdiff_t>(begin),
            tenantIds.begin() +
                static_cast<std::ptrdiff_t>(std::min(tenantIds.size(), begin + kIdsPerDelete)));
        for (const char* table : {"ict_subscriptions", "ict_tenants"}) {
            Poco::Data::Statement remove(session);
            remove << forDialect(dialect, std::string("DELETE FROM ") + table +
                                              " WHERE snapshot_id = ? AND tenant_id IN " +
                                              placeholderRows(ids.size(), 1)),
                use(snapshot);
            for (std::string& id : ids)
                remove, use(id);
            remove.execute();
        }
    }
    for (const ResellerRow& reseller : hierarchy.resellers) {
        std::string mpnId = reseller.mpnId;
        session << forDialect(dialect,
                              "DELETE FROM ict_resellers WHERE snapshot_id = ? AND mpn_id = ?"),
            use(snapshot), use(mpnId), now;
    }
    SnapshotRowWriter writer(session, dialect, snapshot);
    for (const ResellerRow& reseller : hierarchy.resellers)
        writer.reseller(reseller);
    const std::vector<TenantRow> rows = allRows(hierarchy);
    std::vector<const TenantRow*> pointers;
    for (const TenantRow& row : rows)
        pointers.push_back(&row);
    writer.write(std::move(pointers), failures);
    writer.flush();
    snapshots.stamp(session, key, stamp);
    transaction.commit();
}

Hierarchy HierarchyRepository::load(const HierarchyKey& key) const {
    const std::optional<InstanceState> saved = state(key);
    if (!saved || saved->snapshotId == 0)
        return {};
    return SnapshotReader(_database).load(saved->snapshotId);
}

Hierarchy HierarchyRepository::loadTenants(const HierarchyKey& key,
                                           const std::vector<std::string>& tenantIds) const {
    const std::optional<InstanceState> saved = state(key);
    if (!saved || saved->snapshotId == 0)
        return {};
    return SnapshotReader(_database).loadTenants(saved->snapshotId, tenantIds);
}

std::optional<InstanceState> HierarchyRepository::state(const HierarchyKey& key) const {
    return SnapshotStore(_database).state(key);
}

std::vector<TenantFetchError> HierarchyRepository::fetchErrors(const HierarchyKey& key) const {
    const std::optional<InstanceState> saved = state(key);
    if (!saved || saved->snapshotId == 0)
        return {};
    return SnapshotReader(_database).failures(saved->snapshotId);
}

} // namespace ict::storage
