#include "application/RunLeases.h"

#include "application/InterruptedRuns.h"
#include "storage/RunRepository.h"

namespace ict::application {

LeaseTable runLeaseTable(bss::sdk::Database& database) {
    return {kRunLeaseTable, [&database](const storage::RunLease& expired,
                                        const std::string& message, const std::string& nowIso) {
                storage::RunRepository(database).markInterrupted(expired.runId, nowIso, message);
            }};
}

std::size_t markInterruptedRuns(bss::sdk::Database& database, const std::string& noticedBy,
                                const std::string& nowIso) {
    storage::RunRepository runs(database);
    RunRecords records{
        [&runs] {
            std::vector<std::string> ids;
            for (const storage::RunRecord& run : runs.running())
                ids.push_back(run.id);
            return ids;
        },
        [&runs](const std::string& runId, const std::string& at, const std::string& message) {
            return runs.markInterrupted(runId, at, message);
        }};
    return application::markInterruptedRuns(database, kRunLeaseTable, records, noticedBy, nowIso);
}

} // namespace ict::application
