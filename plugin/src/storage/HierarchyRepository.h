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
    /// ISO UTC start of the last mass run or incremental refresh: every Partner Center change
    /// before it is in the saved hierarchy, so the next incremental refresh reads from here.
    std::optional<std::string> changesCoveredUntil;
};

/// What a save records about the run that made it.
struct SaveStamp {
    std::string runId;
    std::string savedAt;                     ///< ISO UTC, now.
    std::optional<std::string> massUpdateAt; ///< Set by a mass run only: the new Last Update.
    std::optional<std::string> changesCoveredUntil; ///< Set by mass and incremental runs.
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

    /// Replaces the whole saved hierarchy (a mass run, or a re-audited merge). Tenants that failed
    /// to fetch are saved as rows with their error, not importable.
    void replaceAll(const HierarchyKey& key, const domain::Hierarchy& hierarchy,
                    const std::vector<TenantFetchError>& failures, const SaveStamp& stamp);

    /// Replaces the rows of `tenantIds` (every seller's row of each) with those in `hierarchy`,
    /// which holds only those tenants; a tenant absent from `hierarchy` is removed. Resellers in
    /// `hierarchy` are upserted (a single-tenant run).
    void replaceTenants(const HierarchyKey& key, const std::vector<std::string>& tenantIds,
                        const domain::Hierarchy& hierarchy,
                        const std::vector<TenantFetchError>& failures, const SaveStamp& stamp);

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
