#pragma once
/// The saved hierarchy of an organization's instance: what the last good Get Hierarchy found and
/// the audit's verdict, kept in the tool's tables so the tool can be used without calling
/// Microsoft again ([S8]). The rows live in snapshots (SnapshotStore); this class reads the
/// current one and offers the whole-hierarchy writes that small callers and tests need. A
/// streamed Get Hierarchy writes through SnapshotWriter and SnapshotStore itself.
///
/// Every write is one transaction: it either replaces what it covers or leaves the previous
/// hierarchy untouched. Thread-safe (one pooled session per call). Throws Poco::Exception on a
/// database failure.

#include "domain/hierarchy/Hierarchy.h"
#include "storage/HierarchyTypes.h"

#include <bss/sdk/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

class HierarchyRepository {
public:
    explicit HierarchyRepository(bss::sdk::Database& database);

    /// Replaces the whole saved hierarchy: its rows are written to a new snapshot, which then
    /// becomes current in one swap. Tenants that failed to fetch are saved as rows with their
    /// error, not importable.
    void replaceAll(const HierarchyKey& key, const domain::Hierarchy& hierarchy,
                    const std::vector<TenantFetchError>& failures, const SaveStamp& stamp);

    /// Replaces, in the current snapshot and in one transaction, the rows of `tenantIds` (every
    /// seller's row of each) with those in `hierarchy`, which holds only those tenants; a tenant
    /// absent from `hierarchy` is removed. Resellers in `hierarchy` are upserted (a single-tenant
    /// run, an import's status refresh).
    void replaceTenants(const HierarchyKey& key, const std::vector<std::string>& tenantIds,
                        const domain::Hierarchy& hierarchy,
                        const std::vector<TenantFetchError>& failures, const SaveStamp& stamp);

    /// The whole saved hierarchy, in canonical order; empty when nothing was saved. Holds every
    /// row: for small hierarchies and tests (a run pages through SnapshotReader instead).
    domain::Hierarchy load(const HierarchyKey& key) const;

    /// The saved rows of the given tenants only (all their sellers).
    domain::Hierarchy loadTenants(const HierarchyKey& key,
                                  const std::vector<std::string>& tenantIds) const;

    std::optional<InstanceState> state(const HierarchyKey& key) const;

    /// Tenants whose last fetch failed, with the error.
    std::vector<TenantFetchError> fetchErrors(const HierarchyKey& key) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
