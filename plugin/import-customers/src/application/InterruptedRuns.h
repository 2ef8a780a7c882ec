#pragma once
/// No run stays "running" for ever: when the tool starts, the runs whose host stopped before they
/// ended are marked interrupted (ict_runs state, finish time, a message saying when and why, and
/// an audit trail entry). Those are the runs covered by an expired lease (its host stopped
/// renewing it; the lease is deleted) and those left running with no lease at all (their host
/// died before this version or between its lease's expiry and its takeover). A run another live
/// host still holds the lease of is left alone. Throws Poco::Exception on a database failure.

#include <bss/sdk/Database.h>

#include <cstddef>
#include <string>

namespace ict::application {

/// Returns how many runs were marked. `noticedBy` names this host (its lease holder name).
std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& noticedBy,
                                const std::string& nowIso);

} // namespace ict::application
