#pragma once
/// Reads one snapshot of a saved hierarchy back into domain rows: whole (small hierarchies and
/// tests), for a list of tenants, or a page at a time in primary-key order, so a pass over a
/// 100,000-tenant snapshot (an incremental refresh's copy, an import's selection) holds one page.
/// Thread-safe (a pooled session per call). Throws Poco::Exception on a database failure.

#include "domain/hierarchy/Hierarchy.h"
#include "storage/HierarchyTypes.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

/// One page of a snapshot: tenant rows with their subscriptions, and the rows of tenants that
/// could not be read (their error), each in primary-key order.
struct SnapshotPage {
    std::vector<domain::TenantRow> rows;
    std::vector<TenantFetchError> failures;
};

/// A tenant row's primary key within a snapshot.
struct RowKey {
    std::string tenantId;
    std::string resellerMpnId; ///< "" for a direct, unassigned or failure row.
};

/// Which rows a pass reads.
struct PageFilter {
    bool importableOnly = false; ///< Only rows offered for import (failures never are).
};

class SnapshotReader {
public:
    explicit SnapshotReader(bss::sdk::Database& database);

    /// Every row of `snapshot` but the failures, in sortHierarchy() order, resellers included.
    domain::Hierarchy load(std::int64_t snapshot) const;

    /// The rows (every seller's) of `tenantIds` in `snapshot`, failures left out; the resellers
    /// those rows are under. Ids are compared as stored (lower case).
    domain::Hierarchy loadTenants(std::int64_t snapshot,
                                  const std::vector<std::string>& tenantIds) const;

    /// The reseller rows of `snapshot` (endCustomers empty), ordered by mpnId.
    std::vector<domain::ResellerRow> resellers(std::int64_t snapshot) const;

    /// The failure rows of `snapshot`, by company name then tenant id.
    std::vector<TenantFetchError> failures(std::int64_t snapshot) const;

    /// Tenant rows of `snapshot` the filter lets through, failures apart.
    std::size_t countRows(std::int64_t snapshot, const PageFilter& filter) const;

    /// The page of at most `pageSize` rows (and failures) after `after` (from the first row when
    /// nullopt), in (tenant id, reseller) order; `last` becomes the page's last key (unchanged
    /// when the page is empty).
    SnapshotPage readPage(std::int64_t snapshot, const std::optional<RowKey>& after,
                          std::size_t pageSize, const PageFilter& filter, RowKey& last) const;

    /// Calls `onPage` for each page of at most `pageSize` tenant rows of `snapshot` (and its
    /// failures), in (tenant id, reseller) order, until the last page or until `onPage` returns
    /// false.
    void forEachPage(std::int64_t snapshot, std::size_t pageSize, const PageFilter& filter,
                     const std::function<bool(SnapshotPage&)>& onPage) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
