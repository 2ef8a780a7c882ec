#pragma once
/// The pre-flight check before an import ([B5]): every problem of the plan, listed before anything
/// is written.

#include "domain/importing/ImportPlan.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ict::domain {

struct PreflightProblem {
    std::string tenantId;         ///< Empty for a problem of the whole run (the token).
    std::string companyName;      ///< The tenant's; empty for a problem of the run.
    std::string msSubscriptionId; ///< Empty for a problem of the tenant or the run.
    std::string message;
};

struct PreflightReport {
    bool tokenValid = false;
    /// Run, then tenants in plan order; at most kListedPreflightProblems (problemsTotal counts
    /// them all), so a check of 100,000 tenants whose offers are all unmapped stays small.
    std::vector<PreflightProblem> problems;
    std::size_t problemsTotal = 0;

    bool ok() const { return tokenValid && problemsTotal == 0; }
};

/// The most problems a report lists.
inline constexpr std::size_t kListedPreflightProblems = 1000;

/// The token problem, when `tokenValid` is false (its text never holds the token).
PreflightProblem tokenProblem();

/// The problems of one tenant plan: its tenant problem, then the reason of each failing
/// subscription. Skips are not problems.
std::vector<PreflightProblem> tenantProblems(const TenantPlan& tenant);

/// Adds `problem` to `report`: counted, and listed while fewer than kListedPreflightProblems are.
void addProblem(PreflightReport& report, PreflightProblem problem);

/// The token problem (when `tokenValid` is false) first, then per tenant its tenant problem and the
/// reason of each failing subscription. Skips are not problems. The token's text never appears.
PreflightReport preflightCheck(const ImportPlan& plan, bool tokenValid);

} // namespace ict::domain
