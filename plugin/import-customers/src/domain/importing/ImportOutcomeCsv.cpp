#include "domain/importing/ImportOutcomeCsv.h"

namespace ict::domain {
namespace {

std::string idCell(std::int64_t id) {
    return id == 0 ? std::string() : std::to_string(id);
}

std::string dateCell(const std::optional<CivilDate>& date) {
    return date ? date->format() : std::string();
}

} // namespace

std::vector<std::string> importOutcomeHeader() {
    return {"run_id",
            "dry_run",
            "tenant_id",
            "company_name",
            "reseller_mpn_id",
            "reseller_name",
            "account",
            "bss_account_id",
            "subscription_id",
            "subscription_name",
            "bss_subscription_id",
            "result",
            "reason",
            "billing_cycle",
            "term",
            "billing_policy",
            "current_period_start",
            "current_period_end",
            "charge_from",
            "charge_to",
            "next_billing_date"};
}

std::vector<std::vector<std::string>> importOutcomeRows(const ImportRunOutcome& run) {
    std::vector<std::vector<std::string>> rows{importOutcomeHeader()};
    for (const TenantOutcome& tenant : run.tenants)
        for (std::vector<std::string>& row : importOutcomeRows(run.runId, run.dryRun, tenant))
            rows.push_back(std::move(row));
    return rows;
}

std::vector<std::vector<std::string>> importOutcomeRows(const std::string& runId, bool dryRun,
                                                        const TenantOutcome& tenant) {
    std::vector<std::vector<std::string>> rows;
    {
        const std::vector<std::string> tenantCells = {runId,
                                                      dryRun ? "yes" : "no",
                                                      tenant.tenantId,
                                                      tenant.companyName,
                                                      tenant.resellerMpnId,
                                                      tenant.resellerName,
                                                      accountOutcomeKindName(tenant.account),
                                                      idCell(tenant.bssAccountId)};
        if (tenant.subscriptions.empty()) {
            std::vector<std::string> row = tenantCells;
            row.resize(importOutcomeHeader().size());
            row[12] = tenant.accountReason; // the reason column
            rows.push_back(std::move(row));
            return rows;
        }
        for (const SubscriptionOutcome& sub : tenant.subscriptions) {
            std::vector<std::string> row = tenantCells;
            row.push_back(sub.msSubscriptionId);
            row.push_back(sub.name);
            row.push_back(idCell(sub.bssSubscriptionId));
            row.push_back(subscriptionOutcomeKindName(sub.kind));
            row.push_back(sub.reason);
            row.push_back(sub.billingCycle);
            row.push_back(sub.termDuration);
            if (sub.billing) {
                row.push_back(billingPolicyName(sub.billing->policy));
                row.push_back(dateCell(sub.billing->currentPeriodStart));
                row.push_back(dateCell(sub.billing->currentPeriodEnd));
                row.push_back(dateCell(sub.billing->chargeFrom));
                row.push_back(dateCell(sub.billing->chargeTo));
                row.push_back(dateCell(sub.billing->nextBillingDate));
            } else {
                row.resize(importOutcomeHeader().size());
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace ict::domain
