#pragma once
/// What an import run did ([S13]): per tenant the account, per subscription what was created,
/// added, skipped (why) or failed (why), and how each imported subscription will be billed. Plain
/// data; the import job fills it, pages and CSV exports read it.

#include "domain/billing/BillingPolicy.h"
#include "domain/billing/BillingSchedule.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ict::domain {

enum class AccountOutcomeKind {
    Unset = 0,
    Created,  ///< A new account (and its contact) was created.
    Existing, ///< Subscriptions went to an account that already existed.
    Failed,   ///< No account: `accountReason` says why; the tenant's subscriptions fail with it.
};

enum class SubscriptionOutcomeKind {
    Unset = 0,
    Created, ///< Created under an account this run created.
    Added,   ///< Added to an account that already existed ([S1] second job).
    Skipped,
    Failed,
};

/// Stable names: "created", "existing", "failed"; "unset".
const char* accountOutcomeKindName(AccountOutcomeKind kind);
/// Stable names: "created", "added", "skipped", "failed"; "unset".
const char* subscriptionOutcomeKindName(SubscriptionOutcomeKind kind);

struct SubscriptionOutcome {
    std::string msSubscriptionId;
    std::string name;
    SubscriptionOutcomeKind kind = SubscriptionOutcomeKind::Unset;
    std::int64_t bssSubscriptionId = 0; ///< 0 when none was written (dry run, skipped, failed).
    std::string reason;                 ///< For Skipped and Failed.
    bool azurePlan = false; ///< Skipped as an Azure plan: the Azure Plan Migration Tool's to bring.
    std::string billingCycle;
    std::string termDuration;
    std::optional<BillingSchedule> billing; ///< For Created and Added.
};

struct TenantOutcome {
    std::string tenantId;
    std::string companyName;
    std::string resellerMpnId; ///< Empty for a direct tenant.
    std::string resellerName;
    AccountOutcomeKind account = AccountOutcomeKind::Unset;
    std::int64_t bssAccountId = 0; ///< 0 when none (dry run of a new account, failed).
    bool contactCreated = false;
    std::string accountReason; ///< For Failed.
    std::vector<SubscriptionOutcome> subscriptions;
};

struct ImportRunOutcome {
    std::string runId;
    bool dryRun = false;
    BillingPolicy policy = BillingPolicy::Unset;
    std::string startedAt;  ///< ISO-8601 UTC.
    std::string finishedAt; ///< ISO-8601 UTC; empty while running.
    std::vector<TenantOutcome> tenants;
};

} // namespace ict::domain
