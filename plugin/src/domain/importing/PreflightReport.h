#pragma once
/// The pre-flight check before an import ([B5]): every problem of the plan, listed before anything
/// is written.

#include "domain/importing/ImportPlan.h"

#include <string>
#include <vector>

namespace ict::domain {

struct PreflightProblem {
    std::string tenantId;         ///< Empty for a problem of the whole run (the token).
    std::string msSubscriptionId; ///< Empty for a problem of the tenant or the run.
    std::string message;
};

struct PreflightReport {
    bool tokenValid = false;
    std::vector<PreflightProblem> problems; ///< Run, then tenants in plan order.

    bool ok() const { return tokenValid && problems.empty(); }
};

/// The token problem (when `tokenValid` is false) first, then per tenant its tenant problem and the
/// reason of each failing subscription. Skips are not problems. The token's text never appears.
PreflightReport preflightCheck(const ImportPlan& plan, bool tokenValid);

} // namespace ict::domain
