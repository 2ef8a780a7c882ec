#pragma once
/// The rows of an import run's results export ([S13], [B8]); feed them to writeCsv().

#include "domain/importing/ImportOutcome.h"

#include <string>
#include <vector>

namespace ict::domain {

/// The header row's cells, in order:
/// run_id, dry_run, tenant_id, company_name, reseller_mpn_id, reseller_name, account,
/// bss_account_id, subscription_id, subscription_name, bss_subscription_id, result, reason,
/// billing_cycle, term, billing_policy, current_period_start, current_period_end, charge_from,
/// charge_to, next_billing_date.
std::vector<std::string> importOutcomeHeader();

/// Header, then one row per subscription of each tenant in order; a tenant without subscriptions
/// gets one row with the subscription cells empty and its account reason as the reason. Ids of 0
/// and absent dates are empty cells; dates are YYYY-MM-DD; dry_run is "yes" or "no".
std::vector<std::vector<std::string>> importOutcomeRows(const ImportRunOutcome& run);

/// The rows of one tenant of run `runId` (no header), as importOutcomeRows() writes them: a
/// streamed export writes a tenant at a time.
std::vector<std::vector<std::string>> importOutcomeRows(const std::string& runId, bool dryRun,
                                                        const TenantOutcome& tenant);

} // namespace ict::domain
