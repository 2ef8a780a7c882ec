#pragma once
/// The Azure Plan Migration Tool's run leases: the apm_run_leases table (migration 2), a run taken
/// over from a dead host (or found without a host at start) marked interrupted in apm_runs.

#include "application/RunLeaseKeeper.h"

#include <bss/sdk/Database.h>

#include <cstddef>
#include <string>

namespace apm::application {

inline constexpr const char* kRunLeaseTable = "apm_run_leases";

/// The lease table of this tool on `database` (which must outlive it).
ict::application::LeaseTable runLeaseTable(bss::sdk::Database& database);

/// At tool start: marks the apm_runs rows whose host stopped before they ended interrupted;
/// returns how many.
std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& noticedBy,
                                const std::string& nowIso);

} // namespace apm::application
