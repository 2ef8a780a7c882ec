#pragma once
/// Writes an import plan into the BSS tables, one tenant per database transaction ([B2]): the
/// tenant's account (with its contact and billing address), its subscriptions and its result row
/// go in together or not at all.
///
/// Never created twice: accounts and subscriptions are inserted with ON CONFLICT DO NOTHING
/// against the host schema's unique indexes (organization + Microsoft tenant id, organization +
/// kind + MPN id, account + Microsoft subscription id), then read back; a row this run did not
/// create is reported as existing or skipped. So a re-run after a crash, a second host importing
/// at the same time, or an account created by hand since the Get Hierarchy all end with one row.
/// Existing rows are never updated. Thread-safe; each call takes its own pooled session.

#include "domain/importing/ImportOutcome.h"
#include "domain/importing/TenantPlan.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <string>

namespace ict::storage {

struct ImportRunStamp {
    std::int64_t organizationId = 0;
    std::string runId;
    std::int64_t userId = 0; ///< The responsible user of created accounts.
    std::string at;          ///< ISO UTC written as created_at.
};

class ImportWriter {
public:
    explicit ImportWriter(bss::sdk::Database& database);

    /// Writes `plan` and its result row (at `position` in the run). On a database failure the
    /// tenant's transaction is rolled back and the outcome says so (account Failed, subscriptions
    /// Failed); that result row is still recorded.
    domain::TenantOutcome write(const ImportRunStamp& stamp, const domain::TenantPlan& plan,
                                std::size_t position);

    /// Records `outcome` as the result of a tenant nothing was written for (e.g. its billing
    /// profile could not be read).
    void recordOnly(const ImportRunStamp& stamp, const domain::TenantOutcome& outcome,
                    std::size_t position);

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
