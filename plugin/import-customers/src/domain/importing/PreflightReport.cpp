#include "domain/importing/PreflightReport.h"

namespace ict::domain {

PreflightProblem tokenProblem() {
    return {"", "", "",
            "The instance's Partner Center authentication is missing or expired: renew the token "
            "before importing."};
}

std::vector<PreflightProblem> tenantProblems(const TenantPlan& tenant) {
    std::vector<PreflightProblem> problems;
    if (!tenant.tenantProblem.empty())
        problems.push_back({tenant.tenantId, tenant.companyName, "", tenant.tenantProblem});
    for (const SubscriptionAction& action : tenant.subscriptions)
        if (action.kind == SubscriptionActionKind::Fail)
            problems.push_back(
                {tenant.tenantId, tenant.companyName, action.msSubscriptionId, action.reason});
    return problems;
}

void addProblem(PreflightReport& report, PreflightProblem problem) {
    ++report.problemsTotal;
    if (report.problems.size() < kListedPreflightProblems)
        report.problems.push_back(std::move(problem));
}

PreflightReport preflightCheck(const ImportPlan& plan, bool tokenValid) {
    PreflightReport report;
    report.tokenValid = tokenValid;
    if (!tokenValid)
        addProblem(report, tokenProblem());
    for (const TenantPlan& tenant : plan.tenants)
        for (PreflightProblem& problem : tenantProblems(tenant))
            addProblem(report, std::move(problem));
    return report;
}

} // namespace ict::domain
