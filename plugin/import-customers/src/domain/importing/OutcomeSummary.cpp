#include "domain/importing/OutcomeSummary.h"

namespace ict::domain {

void countOutcome(OutcomeSummary& summary, const TenantOutcome& tenant) {
    ++summary.tenants;
    {
        switch (tenant.account) {
        case AccountOutcomeKind::Created:
            ++summary.accountsCreated;
            break;
        case AccountOutcomeKind::Existing:
            ++summary.accountsExisting;
            break;
        case AccountOutcomeKind::Failed:
            ++summary.accountsFailed;
            break;
        case AccountOutcomeKind::Unset:
            break;
        }
        for (const SubscriptionOutcome& sub : tenant.subscriptions) {
            switch (sub.kind) {
            case SubscriptionOutcomeKind::Created:
                ++summary.subscriptionsCreated;
                break;
            case SubscriptionOutcomeKind::Added:
                ++summary.subscriptionsAdded;
                break;
            case SubscriptionOutcomeKind::Skipped:
                ++summary.subscriptionsSkipped;
                break;
            case SubscriptionOutcomeKind::Failed:
                ++summary.subscriptionsFailed;
                break;
            case SubscriptionOutcomeKind::Unset:
                break;
            }
        }
    }
}

OutcomeSummary summarizeOutcomes(const std::vector<TenantOutcome>& tenants) {
    OutcomeSummary summary;
    for (const TenantOutcome& tenant : tenants)
        countOutcome(summary, tenant);
    return summary;
}

} // namespace ict::domain
