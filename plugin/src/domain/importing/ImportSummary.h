#pragma once
/// Counts of what an import plan would do ([B1]).

#include "domain/importing/ImportPlan.h"

#include <cstddef>

namespace ict::domain {

struct ImportSummary {
    std::size_t tenants = 0;
    std::size_t accountsToCreate = 0;  ///< CreateAccount of tenants without a tenant problem.
    std::size_t existingAccounts = 0;  ///< UseExisting.
    std::size_t resellersToCreate = 0; ///< Distinct MPN ids (case-insensitive) with CreateReseller.
    std::size_t subscriptionsToCreate = 0;
    std::size_t subscriptionsToSkip = 0;
    std::size_t subscriptionsToFail = 0;
};

ImportSummary summarizePlan(const ImportPlan& plan);

} // namespace ict::domain
