#include "domain/importing/ImportSummary.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace ict::domain {

void PlanSummaryCounter::add(const TenantPlan& tenant) {
    ImportSummary& summary = _summary;
    std::set<std::string>& newResellers = _newResellers;
    {
        ++summary.tenants;
        if (tenant.account.kind == AccountActionKind::CreateAccount && tenant.tenantProblem.empty())
            ++summary.accountsToCreate;
        if (tenant.account.kind == AccountActionKind::UseExisting)
            ++summary.existingAccounts;
        if (tenant.reseller.kind == ResellerActionKind::CreateReseller) {
            std::string key = tenant.reseller.mpnId;
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            newResellers.insert(key);
        }
        for (const SubscriptionAction& action : tenant.subscriptions) {
            switch (action.kind) {
            case SubscriptionActionKind::Create:
                ++summary.subscriptionsToCreate;
                break;
            case SubscriptionActionKind::Skip:
                ++summary.subscriptionsToSkip;
                break;
            case SubscriptionActionKind::Fail:
                ++summary.subscriptionsToFail;
                break;
            case SubscriptionActionKind::Unset:
                break;
            }
        }
    }
}

ImportSummary PlanSummaryCounter::summary() const {
    ImportSummary summary = _summary;
    summary.resellersToCreate = _newResellers.size();
    return summary;
}

ImportSummary summarizePlan(const ImportPlan& plan) {
    PlanSummaryCounter counter;
    for (const TenantPlan& tenant : plan.tenants)
        counter.add(tenant);
    return counter.summary();
}

} // namespace ict::domain
