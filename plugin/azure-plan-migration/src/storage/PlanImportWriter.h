#pragma once
/// Writes what an import creates for a batch of Azure plan rows into the host schema, in one
/// transaction with the batch's result lines: the plan as a subscription of the tenant's account
/// (the plan product's usage billing plan), each new Azure subscription as a subscription of the
/// same account whose parent is the plan's row. Rows are inserted with ON CONFLICT DO NOTHING on
/// (account_id, external_ms_subscription_id) and read back: a row this run's marker created is
/// "created", any other "already_held" (an earlier run, another host, an admin), so nothing is
/// ever created twice or changed. The scan's rows of an item brought fully in step are marked
/// synced in the same transaction, so the list shows what the import did without a new scan. A
/// dry run writes only the result lines ("would_create").
/// Throws Poco::Exception on a database failure (the batch is rolled back whole).

#include "domain/PlanImportStep.h"
#include "storage/PlanProductReader.h"
#include "storage/RunStore.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace apm::storage {

struct ImportItem {
    domain::PlanRow row;
    domain::PlanImportStep step;
    PlanProduct product; ///< The BSS product of the plan's offer (with its usage billing plan).
};

struct ImportBatch {
    std::string runId;
    std::string scanRunId;       ///< The scan whose rows the items come from.
    std::string createdByImport; ///< The marker written to created_by_import of created rows.
    std::string createdAt;       ///< ISO UTC.
    bool dryRun = false;
    std::vector<ImportItem> items;
};

class PlanImportWriter {
public:
    explicit PlanImportWriter(bss::sdk::Database& database);

    /// Writes `batch`; its result lines are numbered from `nextSeq` on (advanced past them).
    /// `fence` runs first in the batch's transaction and may refuse it by throwing (the run no
    /// longer holds the instance).
    std::vector<ResultRecord> writeBatch(const ImportBatch& batch, std::int64_t& nextSeq,
                                         const std::function<void(Poco::Data::Session&)>& fence);

private:
    bss::sdk::Database& _database;
};

} // namespace apm::storage
