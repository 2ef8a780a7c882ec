#include "domain/importing/OutcomeSummary.h"

namespace ict::domain {

OutcomeSummary summarizeOutcomes(const std::vector<TenantOutcome>& tenants) {
    OutcomeSummary summary;
    summary.tenants = tenants.size();
    for (const TenantOutcome& tenant : tenants) {
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
    return summary;
}

} // namespace ict::domain
