#pragma once
/// The record of each Get Hierarchy and import run (ict_runs) and the audit trail of who ran what
/// (ict_audit_trail, [B8]). Thread-safe; throws Poco::Exception on a database failure.

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

struct RunRecord {
    std::string id;
    std::int64_t organizationId = 0;
    std::int64_t instanceId = 0;
    std::string kind;  ///< "get_hierarchy" or "import".
    std::string scope; ///< e.g. "mass", "single tenant <id>", "incremental".
    /// "running", "succeeded", "failed", "cancelled", or "interrupted" (its host stopped before
    /// the run ended: see RunLeaseRepository).
    std::string state;
    std::int64_t userId = 0;
    std::string userLogin;
    std::string startedAt;
    std::optional<std::string> finishedAt;
    std::string message;  ///< What failed, or a one-line outcome.
    std::string summary;  ///< JSON object with counts.
    std::int64_t seq = 0; ///< Assigned by the database at insert; later runs have higher ones.
};

struct AuditTrailEntry {
    std::int64_t id = 0;
    std::int64_t organizationId = 0;
    std::int64_t userId = 0;
    std::string userLogin;
    std::optional<std::int64_t> instanceId;
    std::string action;    ///< "get_hierarchy", "import", "dry_run", ...
    std::string selection; ///< What was asked for, in words or JSON.
    /// "running" until its run ends, then "succeeded", "failed", "cancelled" or "interrupted".
    std::string outcome;
    std::string detail;
    std::string at;                   ///< When the run started (or the action was taken).
    std::optional<std::string> runId; ///< The run it records; none for entries before version 7.
};

class RunRepository {
public:
    explicit RunRepository(bss::sdk::Database& database);

    /// Inserts the run and, in the same transaction, its audit trail entry (action = kind,
    /// selection = scope, outcome = state -- "running" for a run that starts --, detail =
    /// message, at = startedAt).
    void insert(const RunRecord& run);
    /// Sets state, finishedAt, message and summary of run `id` and completes its audit entry
    /// (outcome = state, detail = auditDetail), in one transaction.
    void finish(const std::string& id, const std::string& state, const std::string& finishedAt,
                const std::string& message, const std::string& summary,
                const std::string& auditDetail);
    std::optional<RunRecord> find(const std::string& id) const;
    /// Runs of an organization (and instance, when given), newest (highest seq) first.
    std::vector<RunRecord> recent(std::int64_t organizationId,
                                  std::optional<std::int64_t> instanceId, const std::string& kind,
                                  std::size_t limit) const;

    /// Every run of any organization still marked running, oldest first.
    std::vector<RunRecord> running() const;

    /// Marks run `id` interrupted at `at` with `message` when it is still running, and completes
    /// its audit trail entry (outcome "interrupted"; appended when the run has none). Returns
    /// false when it was not running.
    bool markInterrupted(const std::string& id, const std::string& at, const std::string& message);

    /// The organization's audit trail, newest first.
    std::vector<AuditTrailEntry> auditTrail(std::int64_t organizationId, std::size_t limit) const;

private:
    void insertAudit(Poco::Data::Session& session, const AuditTrailEntry& entry);

    bss::sdk::Database& _database;
};

} // namespace ict::storage
