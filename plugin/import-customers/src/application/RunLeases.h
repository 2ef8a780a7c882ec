#pragma once
/// The Import Customers Tool's run leases: the ict_run_leases table (migration 5), and a run taken
/// over from a dead host (or found without a host at start) marked interrupted in ict_runs.

#include "application/RunLeaseKeeper.h"

#include <bss/sdk/Database.h>

#include <cstddef>
#include <string>

namespace ict::application {

inline constexpr const char* kRunLeaseTable = "ict_run_leases";

/// The lease table of this tool on `database` (which must outlive it).
LeaseTable runLeaseTable(bss::sdk::Database& database);

/// At tool start: marks the ict_runs rows whose host stopped before they ended interrupted (see
/// application/InterruptedRuns.h); returns how many.
std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& noticedBy,
                                const std::string& nowIso);

} // namespace ict::application
