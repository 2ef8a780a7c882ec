#pragma once
/// The tool's runs (apm_runs: scans, dry runs, imports, ordered by a sequence), what each dry run
/// or import did (apm_results) and the audit trail (apm_audit_trail: an entry written when a run
/// starts and completed when it ends, so a run whose host died still has one). Thread-safe;
/// throws Poco::Exception on a database failure.

#include <Poco/Data/Session.h>

#include <bss/sdk/Database.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace apm::storage {

struct RunRecord {
    std::int64_t seq = 0;
    std::string runId;
    std::int64_t organizationId = 0;
    std::int64_t instanceId = 0;
    std::string kind;  ///< "scan", "dry-run", "import".
    std::string state; ///< "running", "succeeded", "failed", "cancelled", "interrupted".
    std::string userLogin;
    std::string startedAt;
    std::string finishedAt;  ///< "" while running.
    std::string summaryJson; ///< The job's result object; "{}" while running.
    std::string error;
};

/// One line of a dry run's or an import's results.
struct ResultRecord {
    std::int64_t seq = 0;
    std::string customerTenantId;
    std::string planSubscriptionId;
    std::string azureSubscriptionId; ///< "" for the plan's own line.
    std::string outcome; ///< "created", "would_create", "already_held", "skipped", "failed".
    std::string detail;
    std::int64_t bssSubscriptionId = 0; ///< The BSS subscription created or found; 0 otherwise.
};

struct AuditRecord {
    std::int64_t id = 0;
    std::string userLogin;
    std::int64_t instanceId = 0;
    std::string action;
    std::string runId;
    std::string outcome;
    std::string detail;
    std::string at;
};

class RunStore {
public:
    explicit RunStore(bss::sdk::Database& database);

    /// Records `run` as running and its audit entry, in one transaction.
    void begin(const RunRecord& run);

    /// Completes the run and its audit entry, in one transaction.
    void finish(const std::string& runId, const std::string& state, const std::string& summaryJson,
                const std::string& error, const std::string& finishedAt);

    /// Marks a running run interrupted (its host stopped before it ended), with its audit entry;
    /// false when it was not running.
    bool markInterrupted(const std::string& runId, const std::string& at,
                         const std::string& message);

    /// The ids of every run recorded as running, on any host.
    std::vector<std::string> running();

    std::optional<RunRecord> find(std::int64_t organizationId, const std::string& runId);

    /// The instance's latest `limit` runs, newest first (optionally of one kind).
    std::vector<RunRecord> recent(std::int64_t organizationId, std::int64_t instanceId,
                                  const std::string& kind, std::size_t limit);

    /// Appends result lines of `runId` inside the caller's transaction.
    static void appendResults(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                              const std::string& runId, const std::vector<ResultRecord>& results);

    /// Up to `limit` result lines of `runId` after `afterSeq`, in order.
    std::vector<ResultRecord> results(const std::string& runId, std::int64_t afterSeq,
                                      std::size_t limit);

    /// The organization's latest `limit` audit entries, newest first.
    std::vector<AuditRecord> auditTrail(std::int64_t organizationId, std::size_t limit);

private:
    bss::sdk::Database& _database;
};

} // namespace apm::storage
