#pragma once
/// Writes the rows of one snapshot of a saved hierarchy (ict_tenants, ict_subscriptions,
/// ict_resellers) on a session the caller owns, inside the caller's transaction. Tenant and
/// subscription rows are buffered and written many per statement (multi-row INSERTs on
/// PostgreSQL; a one-row INSERT compiled once per 500 rows on SQLite); a tenant row already in the
/// snapshot, or handed in before, is kept and the new one dropped with its subscriptions (Partner
/// Center may list a tenant twice).
/// Not thread-safe (one session). Throws Poco::Exception on a database failure.

#include "domain/hierarchy/ResellerRow.h"
#include "domain/hierarchy/TenantRow.h"
#include "storage/HierarchyTypes.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace ict::storage {

class SnapshotRowWriter {
public:
    SnapshotRowWriter(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                      std::int64_t snapshotId);
    ~SnapshotRowWriter();
    SnapshotRowWriter(const SnapshotRowWriter&) = delete;
    SnapshotRowWriter& operator=(const SnapshotRowWriter&) = delete;

    /// Buffers the tenant rows (with their subscriptions, in their order) in primary-key order,
    /// then a row per failure (not importable, with its error). A row (or failure) whose key the
    /// snapshot or an earlier row already has is dropped; of two in `rows`, the first stays.
    void write(std::vector<const domain::TenantRow*> rows,
               const std::vector<TenantFetchError>& failures);
    /// Inserts a reseller row now.
    void reseller(const domain::ResellerRow& row);
    /// Writes what is buffered. Call before the transaction commits.
    void flush();

private:
    class Rows;
    std::unique_ptr<Rows> _rows;
};

} // namespace ict::storage
