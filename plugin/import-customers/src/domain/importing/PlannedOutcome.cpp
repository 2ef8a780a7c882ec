#include "domain/importing/PlannedOutcome.h"

namespace ict::domain {

TenantOutcome plannedTenantOutcome(const TenantPlan& tenant) {
    {
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
            sub.azurePlan = action.skipReason == SkipReason::AzurePlan;
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
        return outcome;
    }
}

ImportRunOutcome plannedOutcome(const ImportPlan& plan, const std::string& runId) {
    ImportRunOutcome run;
    run.runId = runId;
    run.dryRun = true;
    run.policy = plan.policy;
    for (const TenantPlan& tenant : plan.tenants)
        run.tenants.push_back(plannedTenantOutcome(tenant));
    return run;
}

TenantOutcome unwrittenTenantOutcome(const TenantPlan& plan, const std::string& reason) {
    TenantOutcome outcome;
    outcome.tenantId = plan.tenantId;
    outcome.companyName = plan.companyName;
    outcome.resellerMpnId = plan.seller.resellerMpnId;
    outcome.resellerName = plan.seller.resellerName;
    outcome.account = AccountOutcomeKind::Failed;
    outcome.accountReason = reason;
    for (const SubscriptionAction& action : plan.subscriptions) {
        SubscriptionOutcome sub;
        sub.msSubscriptionId = action.msSubscriptionId;
        sub.name = action.name;
        sub.kind = action.kind == SubscriptionActionKind::Skip ? SubscriptionOutcomeKind::Skipped
                                                               : SubscriptionOutcomeKind::Failed;
        sub.reason = action.kind == SubscriptionActionKind::Skip ? action.reason : reason;
        sub.azurePlan = action.skipReason == SkipReason::AzurePlan;
        sub.billingCycle = action.billingCycle;
        sub.termDuration = action.termDuration;
        outcome.subscriptions.push_back(std::move(sub));
    }
    return outcome;
}

} // namespace ict::domain
