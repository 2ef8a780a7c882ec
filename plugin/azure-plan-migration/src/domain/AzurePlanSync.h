#pragma once
/// How an Azure plan of a tenant, and each Azure subscription under it, stands against the BSS:
/// the rows of the Azure Plan Migration Tool's list. Pure: no Poco, HTTP or SQL.
///
/// A plan of a tenant without a BSS account is ImportCustomerFirst (the Import Customers Tool
/// brings the account); a plan the account does not hold is New, with every Azure subscription
/// under it New; a held plan is Synced, and each Azure subscription under it is Synced when the
/// account holds it and New when it does not (added in Partner Center after the plan's import).
/// Ids are compared case-insensitively.

#include "domain/partner/AzureEntitlement.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace apm::domain {

enum class SyncStatus { ImportCustomerFirst, New, Synced };

/// Stable names for JSON, CSV and the page: "import_customer_first", "new", "synced".
const char* syncStatusName(SyncStatus status);

/// An Azure plan subscription as Partner Center lists it, with its Azure subscriptions.
struct PartnerCenterPlan {
    std::string customerTenantId;
    std::string customerName; ///< The customer's company name, for the list.
    std::string planSubscriptionId;
    std::string offerId;
    std::string friendlyName;
    std::string status; ///< The plan's own status, e.g. "active".
    std::vector<ict::domain::AzureEntitlement> azureSubscriptions;
};

/// What the BSS holds of one tenant: whether its account exists and the external Microsoft
/// subscription ids (plans and Azure subscriptions alike) of the account's subscriptions.
struct BssHoldings {
    bool accountExists = false;
    std::int64_t accountId = 0;                    ///< The BSS account's id when it exists.
    std::set<std::string> externalSubscriptionIds; ///< Any case; compared lower-cased.
};

struct AzureSubscriptionRow {
    ict::domain::AzureEntitlement azureSubscription;
    SyncStatus sync = SyncStatus::New;
};

struct PlanRow {
    PartnerCenterPlan plan; ///< azureSubscriptions moved into `azureSubscriptions` below.
    SyncStatus sync = SyncStatus::New;
    std::int64_t accountId = 0; ///< The tenant's BSS account; 0 when ImportCustomerFirst.
    std::vector<AzureSubscriptionRow> azureSubscriptions;

    /// Azure subscriptions an import would add (the New ones; none before the customer exists).
    std::size_t newAzureSubscriptions() const;
    /// True when an import would create nothing for this plan.
    bool inStep() const { return sync == SyncStatus::Synced && newAzureSubscriptions() == 0; }
};

/// The row of `plan` against `holdings`.
PlanRow syncPlan(PartnerCenterPlan plan, const BssHoldings& holdings);

/// `saved` (a row as a scan stored it) against what the BSS holds now: the plan and its Azure
/// subscriptions as Partner Center listed them, synced again.
PlanRow resyncPlan(const PlanRow& saved, const BssHoldings& holdings);

/// The sync status of a stable name (syncStatusName()); nullopt for any other text.
std::optional<SyncStatus> parseSyncStatus(const std::string& name);

} // namespace apm::domain
