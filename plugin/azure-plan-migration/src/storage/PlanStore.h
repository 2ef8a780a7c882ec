#pragma once
/// The Azure plans a scan found, in the tool's tables (apm_plans, apm_azure_subscriptions,
/// apm_instance_state). A scan writes its rows page by page under its run id while the previous
/// scan's rows stay the instance's list; promote() swaps in the new rows in one transaction, so a
/// failed or cancelled scan leaves the last good list as it was. Thread-safe (a pooled session
/// per call); throws Poco::Exception on a database failure.

#include "domain/AzurePlanSync.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace apm::storage {

/// The instance's list: which scan and when it completed.
struct ScanState {
    std::string runId;
    std::string scannedAt; ///< ISO UTC.
};

/// Where a page or a batch starts: after this (tenant id, plan id); empty = from the start.
struct PlanKey {
    std::string customerTenantId;
    std::string planSubscriptionId;
};

struct PlanFilter {
    std::optional<domain::SyncStatus> sync; ///< Only plans of this status.
    std::string customerTenantId;           ///< Only this tenant ("" = every tenant).
    /// Only plans not in step (new, import customer first, or with new Azure subscriptions).
    bool notInStep = false;
};

/// Counts of the instance's list by status.
struct PlanCounts {
    std::size_t plans = 0;
    std::size_t importCustomerFirst = 0;
    std::size_t newPlans = 0;
    std::size_t synced = 0;
    std::size_t azureSubscriptions = 0;
    std::size_t newAzureSubscriptions = 0;
};

class PlanStore {
public:
    explicit PlanStore(bss::sdk::Database& database);

    /// Writes rows of scan `runId` (one page of customers) in one transaction.
    void writeScanRows(const std::string& runId, const std::vector<domain::PlanRow>& rows);

    /// Makes scan `runId` the list of (organization, instance) and deletes the rows of the
    /// instance's earlier scans, in one transaction, which `fence` may refuse first (by throwing:
    /// the run no longer holds the instance).
    void promote(std::int64_t organizationId, std::int64_t instanceId, const std::string& runId,
                 const std::string& scannedAtIso,
                 const std::function<void(Poco::Data::Session&)>& fence);

    /// Deletes the rows of a scan that did not complete.
    void discard(const std::string& runId);

    std::optional<ScanState> state(std::int64_t organizationId, std::int64_t instanceId);

    /// Up to `limit` plans of scan `runId` after `after` (tenant id, then plan id order) that
    /// pass `filter`, each with its Azure subscriptions.
    std::vector<domain::PlanRow> plansAfter(const std::string& runId, const PlanKey& after,
                                            const PlanFilter& filter, std::size_t limit);

    PlanCounts counts(const std::string& runId);

    /// The distinct offer ids of scan `runId`'s plans that an import would touch.
    std::vector<std::string> offersNotInStep(const std::string& runId);

private:
    bss::sdk::Database& _database;
};

} // namespace apm::storage
