#pragma once
// A three-tenant plan for the summary, pre-flight and grouping tests: a direct tenant with one
// good and one unmapped subscription, an end customer of an existing reseller (related account,
// one subscription already in the BSS), and two end customers of a new reseller.

#include "domain/importing/ImportPlanner.h"
#include "plugin/import-customers/domain/importing/ImportFixtures.h"

namespace importfixtures {

inline ImportPlan mixedPlan() {
    TenantSelection direct = tenant("t-direct", "contoso");
    direct.subscriptions = {subscription("d1", nceE3, "monthly", "P1M", "2025-03-10"),
                            subscription("d2", nceUnmapped, "monthly", "P1M", "2025-03-10")};
    TenantSelection existing = tenant("t-existing", "adatum", "1234567", "Fabrikam Reseller");
    existing.relatedAccountId = 77;
    existing.subscriptions = {
        subscription("e1", nceE3, "monthly", "P1M", "2025-03-10", "", AuditStatus::InBss),
        subscription("e2", azurePlan, "one_time", "", "2025-03-10")};
    TenantSelection newA = tenant("t-new-a", "litware", "7654321", "Tailspin");
    newA.subscriptions = {subscription("a1", legacyE3, "monthly", "", "2024-01-31")};
    TenantSelection newB = tenant("t-new-b", "northwind", "7654321", "Tailspin");
    newB.subscriptions = {subscription("b1", nceE3, "annual", "P1Y", "")};
    return planImport(request({direct, newA, existing, newB}));
}

} // namespace importfixtures
