#include "application/ApmLeases.h"

#include "application/InterruptedRuns.h"
#include "storage/RunStore.h"

namespace apm::application {

ict::application::LeaseTable runLeaseTable(bss::sdk::Database& database) {
    return {kRunLeaseTable, [&database](const ict::storage::RunLease& expired,
                                        const std::string& message, const std::string& nowIso) {
                storage::RunStore(database).markInterrupted(expired.runId, nowIso, message);
            }};
}

std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& noticedBy,
                                const std::string& nowIso) {
    storage::RunStore runs(database);
    ict::application::RunRecords records{
        [&runs] { return runs.running(); },
        [&runs](const std::string& runId, const std::string& at, const std::string& message) {
            return runs.markInterrupted(runId, at, message);
        }};
    return ict::application::markInterruptedRuns(database, kRunLeaseTable, records, noticedBy,
                                                 nowIso);
}

} // namespace apm::application
