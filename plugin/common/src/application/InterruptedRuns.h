#pragma once
/// No run stays "running" for ever: when a tool starts, the runs whose host stopped before they
/// ended are marked interrupted in the tool's run records (a finish time, a message saying when
/// and why). Those are the runs covered by an expired lease (its host stopped renewing it; the
/// lease is deleted) and those left running with no lease at all (their host died between its
/// lease's expiry and its takeover, or before leases existed). A run another live host still
/// holds the lease of is left alone. Throws Poco::Exception on a database failure.

#include "application/RunLeaseKeeper.h"

#include <bss/sdk/Database.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ict::application {

/// A tool's run records, as the sweep needs them.
struct RunRecords {
    /// The ids of the runs recorded as running.
    std::function<std::vector<std::string>()> running;
    /// Marks one run interrupted with `message`; false when it was no longer running.
    std::function<bool(const std::string& runId, const std::string& at, const std::string& message)>
        markInterrupted;
};

/// Returns how many runs were marked. `leaseTable` is the tool's lease table, `noticedBy` names
/// this host (its lease holder name).
std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& leaseTable,
                                const RunRecords& runs, const std::string& noticedBy,
                                const std::string& nowIso);

} // namespace ict::application
