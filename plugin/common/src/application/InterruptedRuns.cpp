#include "application/InterruptedRuns.h"

#include "storage/RunLeaseRepository.h"

#include <set>

namespace ict::application {

std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& leaseTable,
                                const RunRecords& runs, const std::string& noticedBy,
                                const std::string& nowIso) {
    storage::RunLeaseRepository leases(database, leaseTable);
    std::size_t marked = 0;
    for (const storage::RunLease& expired : leases.takeExpired())
        marked += runs.markInterrupted(expired.runId, nowIso,
                                       interruptedMessage(expired, noticedBy, nowIso))
                      ? 1
                      : 0;
    // Runs first, then leases: a run starts after its lease is taken and ends before it is
    // given back, so a run seen running whose lease is not live afterwards has no host.
    const std::vector<std::string> running = runs.running();
    std::set<std::string> held;
    for (const storage::RunLease& lease : leases.live())
        held.insert(lease.runId);
    for (const std::string& run : running)
        if (!held.count(run))
            marked += runs.markInterrupted(
                          run, nowIso,
                          "Interrupted: the host running it stopped before the run ended (no "
                          "lease covers it any more). Noticed by " +
                              noticedBy + " at " + nowIso + ".")
                          ? 1
                          : 0;
    return marked;
}

} // namespace ict::application
