#pragma once
/// Counts of what an import plan would do ([B1]).

#include "domain/importing/ImportPlan.h"

#include <cstddef>
#include <set>
#include <string>

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

/// Counts tenant plans one at a time (a pass over a large selection holds none of them).
class PlanSummaryCounter {
public:
    void add(const TenantPlan& tenant);
    ImportSummary summary() const;

private:
    ImportSummary _summary;
    std::set<std::string> _newResellers; ///< Lower-cased MPN ids of CreateReseller.
};

ImportSummary summarizePlan(const ImportPlan& plan);

} // namespace ict::domain
