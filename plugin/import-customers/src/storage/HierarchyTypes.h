#pragma once
/// The names the saved hierarchy's storage classes share: which hierarchy (HierarchyKey), what is
/// known about it (InstanceState), what a save records (SaveStamp) and a tenant that could not be
/// read (TenantFetchError). Plain data.

#include "storage/InstanceKey.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ict::storage {

/// Which saved hierarchy: the organization that ran it and the instance it came from.
using HierarchyKey = InstanceKey;

/// Facts about a saved hierarchy.
struct InstanceState {
    std::optional<std::string> lastMassUpdateAt; ///< ISO UTC of the last completed mass run.
    std::string savedAt;                         ///< ISO UTC of the last save of any kind.
    std::string lastRunId;
    /// ISO UTC start of the last mass run or incremental refresh: every Partner Center change
    /// before it is in the saved hierarchy, so the next incremental refresh reads from here.
    std::optional<std::string> changesCoveredUntil;
    std::int64_t snapshotId = 0; ///< The current snapshot (ict_snapshots.id); 0 when none.
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

} // namespace ict::storage
