#pragma once
/// Writes an import plan into the BSS tables, a batch of tenants per database transaction ([B2]):
/// the batch's accounts (with their contact and billing address), their subscriptions and every
/// tenant's result row go in together or not at all, so a re-run after a crash finds each tenant
/// either whole with its result or not written at all. When a batch's transaction fails it is
/// rolled back and its tenants are written again one transaction each: a tenant the database
/// refuses ends Failed with the database's message and the others are written.
///
/// Never created twice: accounts and subscriptions are inserted with ON CONFLICT DO NOTHING
/// against the host schema's unique indexes (organization + Microsoft tenant id, organization +
/// kind + MPN id, account + Microsoft subscription id), then read back; a row this run did not
/// create is reported as existing or skipped. So a re-run after a crash, a second host importing
/// at the same time, or an account created by hand since the Get Hierarchy all end with one row.
/// Existing rows are never updated. Reseller accounts a batch needs are created first, in a
/// transaction of their own (a concurrent creator's row is simply found).
///
/// Statements are few per batch (multi-row INSERTs and SELECT ... IN read-backs, every value a
/// bound parameter), not a few per subscription. Thread-safe; each call takes its own pooled
/// session.

#include "domain/importing/ImportOutcome.h"
#include "domain/importing/TenantPlan.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ict::storage {

struct ImportRunStamp {
    std::int64_t organizationId = 0;
    std::string runId;
    std::int64_t userId = 0; ///< The responsible user of created accounts.
    std::string at;          ///< ISO UTC written as created_at.
};

/// One tenant of a batch.
struct ImportBatchItem {
    const domain::TenantPlan* plan = nullptr; ///< Not owned; outlives the writeBatch() call.
    std::size_t position = 0;                 ///< Its place in the run (ict_import_results).
    /// When not empty nothing is written for the tenant and its result says so: account and
    /// each subscription to create Failed with this reason (e.g. its billing profile could not
    /// be read). A plan's tenantProblem is treated the same way.
    std::string notWritten;
};

class ImportWriter {
public:
    explicit ImportWriter(bss::sdk::Database& database);

    /// Writes the batch's tenants and their result rows; returns their outcomes in the batch's
    /// order. Throws Poco::Exception only when even a failed tenant's result row cannot be
    /// recorded (the database is gone); tenants of earlier batches stay written.
    std::vector<domain::TenantOutcome> writeBatch(const ImportRunStamp& stamp,
                                                  const std::vector<ImportBatchItem>& items);

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
