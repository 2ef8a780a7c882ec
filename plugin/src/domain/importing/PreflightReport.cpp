#include "domain/importing/PreflightReport.h"

namespace ict::domain {

PreflightReport preflightCheck(const ImportPlan& plan, bool tokenValid) {
    PreflightReport report;
    report.tokenValid = tokenValid;
    if (!tokenValid)
        report.problems.push_back(
            {"", "",
             "The instance's Partner Center authentication is missing or expired: renew the token "
             "before importing."});
    for (const TenantPlan& tenant : plan.tenants) {
        if (!tenant.tenantProblem.empty())
            report.problems.push_back({tenant.tenantId, "", tenant.tenantProblem});
        for (const SubscriptionAction& action : tenant.subscriptions) {
            if (action.kind == SubscriptionActionKind::Fail)
                report.problems.push_back(
                    {tenant.tenantId, action.msSubscriptionId, action.reason});
        }
    }
    return report;
}

} // namespace ict::domain
