#include "domain/AzurePlanSync.h"

#include <algorithm>
#include <cctype>

namespace apm::domain {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The holdings' ids arrive in whatever case the BSS stored them; fold once per plan.
std::set<std::string> folded(const std::set<std::string>& ids) {
    std::set<std::string> out;
    for (const auto& id : ids)
        out.insert(lower(id));
    return out;
}

} // namespace

const char* syncStatusName(SyncStatus status) {
    switch (status) {
    case SyncStatus::ImportCustomerFirst:
        return "import_customer_first";
    case SyncStatus::New:
        return "new";
    case SyncStatus::Synced:
        return "synced";
    }
    return "new";
}

PlanRow resyncPlan(const PlanRow& saved, const BssHoldings& holdings) {
    PartnerCenterPlan plan = saved.plan;
    plan.azureSubscriptions.clear();
    for (const AzureSubscriptionRow& azure : saved.azureSubscriptions)
        plan.azureSubscriptions.push_back(azure.azureSubscription);
    return syncPlan(std::move(plan), holdings);
}

std::optional<SyncStatus> parseSyncStatus(const std::string& name) {
    for (SyncStatus status : {SyncStatus::ImportCustomerFirst, SyncStatus::New, SyncStatus::Synced})
        if (name == syncStatusName(status))
            return status;
    return std::nullopt;
}

std::size_t PlanRow::newAzureSubscriptions() const {
    if (sync == SyncStatus::ImportCustomerFirst)
        return 0;
    return static_cast<std::size_t>(
        std::count_if(azureSubscriptions.begin(), azureSubscriptions.end(),
                      [](const AzureSubscriptionRow& row) { return row.sync == SyncStatus::New; }));
}

PlanRow syncPlan(PartnerCenterPlan plan, const BssHoldings& holdings) {
    PlanRow row;
    const std::set<std::string> held = folded(holdings.externalSubscriptionIds);
    if (holdings.accountExists)
        row.accountId = holdings.accountId;
    if (!holdings.accountExists)
        row.sync = SyncStatus::ImportCustomerFirst;
    else if (held.count(lower(plan.planSubscriptionId)))
        row.sync = SyncStatus::Synced;
    else
        row.sync = SyncStatus::New;
    for (auto& azure : plan.azureSubscriptions) {
        AzureSubscriptionRow child;
        if (row.sync == SyncStatus::ImportCustomerFirst)
            child.sync = SyncStatus::ImportCustomerFirst;
        else
            child.sync = held.count(lower(azure.id)) ? SyncStatus::Synced : SyncStatus::New;
        child.azureSubscription = std::move(azure);
        row.azureSubscriptions.push_back(std::move(child));
    }
    plan.azureSubscriptions.clear();
    row.plan = std::move(plan);
    return row;
}

} // namespace apm::domain
