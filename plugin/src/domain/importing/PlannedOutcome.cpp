#include "domain/importing/PlannedOutcome.h"

namespace ict::domain {

ImportRunOutcome plannedOutcome(const ImportPlan& plan, const std::string& runId) {
    ImportRunOutcome run;
    run.runId = runId;
    run.dryRun = true;
    run.policy = plan.policy;
    for (const TenantPlan& tenant : plan.tenants) {
        TenantOutcome outcome;
        outcome.tenantId = tenant.tenantId;
        outcome.companyName = tenant.companyName;
        outcome.resellerMpnId = tenant.reseller.mpnId;
        outcome.resellerName = tenant.reseller.name;
        const bool newAccount = tenant.account.kind == AccountActionKind::CreateAccount;
        if (!tenant.tenantProblem.empty()) {
            outcome.account = AccountOutcomeKind::Failed;
            outcome.accountReason = tenant.tenantProblem;
        } else if (newAccount) {
            outcome.account = AccountOutcomeKind::Created;
            outcome.contactCreated = true;
        } else {
            outcome.account = AccountOutcomeKind::Existing;
            outcome.bssAccountId = tenant.account.existingAccountId;
        }
        for (const SubscriptionAction& action : tenant.subscriptions) {
            SubscriptionOutcome sub;
            sub.msSubscriptionId = action.msSubscriptionId;
            sub.name = action.name;
            sub.reason = action.reason;
            sub.billingCycle = action.billingCycle;
            sub.termDuration = action.termDuration;
            sub.billing = action.billing;
            switch (action.kind) {
            case SubscriptionActionKind::Create:
                sub.kind =
                    newAccount ? SubscriptionOutcomeKind::Created : SubscriptionOutcomeKind::Added;
                break;
            case SubscriptionActionKind::Skip:
                sub.kind = SubscriptionOutcomeKind::Skipped;
                break;
            case SubscriptionActionKind::Fail:
            case SubscriptionActionKind::Unset:
                sub.kind = SubscriptionOutcomeKind::Failed;
                break;
            }
            outcome.subscriptions.push_back(std::move(sub));
        }
        run.tenants.push_back(std::move(outcome));
    }
    return run;
}

} // namespace ict::domain
