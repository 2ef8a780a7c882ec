#pragma once
/// The saved hierarchy of an organization's instance: what the last good Get Hierarchy found and
/// the audit's verdict, kept in the tool's tables so the tool can be used without calling
/// Microsoft again ([S8]).
///
/// Every write is one transaction: a run either replaces what it covers or leaves the previous
/// hierarchy untouched. Thread-safe (one pooled session per call). Throws Poco::Exception on a
/// database failure.

#include "domain/hierarchy/Hierarchy.h"

#include <bss/sdk/Database.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

/// Which saved hierarchy: the organization that ran it and the instance it came from.
struct HierarchyKey {
    std::int64_t organizationId = 0;
    std::int64_t instanceId = 0;
};

/// Facts about a saved hierarchy.
struct InstanceState {
    std::optional<std::string> lastMassUpdateAt; ///< ISO UTC of the last completed mass run.
    std::string savedAt;                         ///< ISO UTC of the last save of any kind.
    std::string lastRunId;
};

/// A fetch error for one tenant, kept with its rows so the page can list it.
struct TenantFetchError {
    std::string tenantId;
    std::string companyName;
    std::string primaryDomain;
    std::string message;
};

class HierarchyRepository {
public:
    explicit HierarchyRepository(bss::sdk::Database& database);

    /// Replaces the whole saved hierarchy (a mass run). When `massUpdateAt` is set, Last Update
    /// moves to it. Tenants that failed to fetch are saved as rows with their error, not importable.
    void replaceAll(const HierarchyKey& key, const domain::Hierarchy& hierarchy,
                    const std::vector<TenantFetchError>& failures, const std::string& runId,
                    const std::string& savedAt, const std::optional<std::string>& massUpdateAt);

    /// Replaces the rows of `tenantIds` (every seller's row of each) with those in `hierarchy`,
    /// which holds only those tenants; a tenant absent from `hierarchy` is removed. Resellers in
    /// `hierarchy` are upserted. Last Update is left as it was (single and incremental runs).
    void replaceTenants(const HierarchyKey& key, const std::vector<std::string>& tenantIds,
                        const domain::Hierarchy& hierarchy,
                        const std::vector<TenantFetchError>& failures, const std::string& runId,
                        const std::string& savedAt);

    /// The whole saved hierarchy, in canonical order; empty when nothing was saved.
    domain::Hierarchy load(const HierarchyKey& key) const;

    /// The saved rows of the given tenants only (all their sellers).
    domain::Hierarchy loadTenants(const HierarchyKey& key,
                                  const std::vector<std::string>& tenantIds) const;

    std::optional<InstanceState> state(const HierarchyKey& key) const;

    /// Tenant ids whose last fetch failed, with the error.
    std::vector<TenantFetchError> fetchErrors(const HierarchyKey& key) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
