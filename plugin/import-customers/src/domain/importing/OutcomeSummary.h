#pragma once
/// Counts of what an import run did (or, for a dry run, would do) ([S13]).

#include "domain/importing/ImportOutcome.h"

#include <cstddef>

namespace ict::domain {

struct OutcomeSummary {
    std::size_t tenants = 0;
    std::size_t accountsCreated = 0;
    std::size_t accountsExisting = 0;
    std::size_t accountsFailed = 0;
    std::size_t subscriptionsCreated = 0;
    std::size_t subscriptionsAdded = 0;
    std::size_t subscriptionsSkipped = 0;
    std::size_t subscriptionsFailed = 0;
};

/// Adds one tenant's outcome to `summary` (a run counts its tenants as it writes them).
void countOutcome(OutcomeSummary& summary, const TenantOutcome& tenant);

OutcomeSummary summarizeOutcomes(const std::vector<TenantOutcome>& tenants);

} // namespace ict::domain
