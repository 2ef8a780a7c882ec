#pragma once
/// Writes a staging snapshot a batch at a time, one transaction per batch, while a Get Hierarchy
/// is still reading Partner Center: the rows nobody reads until SnapshotStore::promote(). A
/// tenant row already in the snapshot is kept (a tenant listed twice is written once).
/// Thread-safe (a pooled session per call; SQLite serializes the transactions). Throws
/// Poco::Exception on a database failure; a failed batch leaves nothing of itself.

#include "domain/hierarchy/ResellerRow.h"
#include "domain/hierarchy/TenantRow.h"
#include "storage/HierarchyTypes.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <vector>

namespace ict::storage {

/// What a snapshot holds.
struct SnapshotCounts {
    std::int64_t tenantRows = 0;    ///< Rows of tenants that were read (one per seller).
    std::int64_t failures = 0;      ///< Rows of tenants that could not be read.
    std::int64_t subscriptions = 0; ///< Subscription rows.
    std::int64_t resellers = 0;     ///< Reseller rows.
};

class SnapshotWriter {
public:
    SnapshotWriter(bss::sdk::Database& database, std::int64_t snapshot);

    /// Writes tenant rows (with their subscriptions) and failure rows in one transaction.
    void write(const std::vector<domain::TenantRow>& rows,
               const std::vector<TenantFetchError>& failures);

    /// Writes reseller rows in one transaction, replacing rows of the same MPN id.
    void writeResellers(const std::vector<domain::ResellerRow>& resellers);

    std::int64_t snapshot() const { return _snapshot; }

private:
    bss::sdk::Database& _database;
    std::int64_t _snapshot;
};

/// The row counts of `snapshot`.
SnapshotCounts countSnapshot(bss::sdk::Database& database, std::int64_t snapshot);

} // namespace ict::storage
