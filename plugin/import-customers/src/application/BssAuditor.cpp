#include "application/BssAuditor.h"

#include "domain/audit/TenantAudit.h"
#include "storage/BssAccountRepository.h"

#include <algorithm>

namespace ict::application {

BssAuditor::BssAuditor(bss::sdk::Database& database, std::int64_t organizationId)
    : _database(database), _organizationId(organizationId) {
    storage::BssAccountRepository(database).forEachAccount(
        organizationId, [this](const domain::BssAccount& account) {
            _keys.add(account.id, account.name, account.externalTenantId, account.primaryDomain);
        });
    _keys.seal();
}

domain::BssAccountIndex
BssAuditor::indexFor(const std::vector<const domain::TenantRow*>& rows) const {
    std::vector<std::int64_t> candidates;
    std::vector<std::string> tenantIds;
    std::vector<std::string> subscriptionIds;
    for (const domain::TenantRow* pointer : rows) {
        const domain::TenantRow& row = *pointer;
        for (std::int64_t id : _keys.candidates(row.tenantId, row.primaryDomain, row.companyName))
            candidates.push_back(id);
        tenantIds.push_back(row.tenantId);
        for (const domain::SubscriptionRow& subscription : row.subscriptions)
            subscriptionIds.push_back(subscription.subscription.id);
    }
    std::sort(tenantIds.begin(), tenantIds.end());
    tenantIds.erase(std::unique(tenantIds.begin(), tenantIds.end()), tenantIds.end());
    return domain::BssAccountIndex(storage::BssAccountRepository(_database).relatedAccounts(
        _organizationId, candidates, tenantIds, subscriptionIds));
}

domain::BssAccountIndex BssAuditor::indexFor(const std::vector<domain::TenantRow>& rows) const {
    std::vector<const domain::TenantRow*> pointers;
    pointers.reserve(rows.size());
    for (const domain::TenantRow& row : rows)
        pointers.push_back(&row);
    return indexFor(pointers);
}

domain::Hierarchy BssAuditor::audit(domain::Hierarchy hierarchy) const {
    std::vector<const domain::TenantRow*> rows;
    for (const domain::TenantRow& row : hierarchy.directTenants)
        rows.push_back(&row);
    for (const domain::TenantRow& row : hierarchy.unassignedTenants)
        rows.push_back(&row);
    for (const domain::ResellerRow& reseller : hierarchy.resellers)
        for (const domain::TenantRow& row : reseller.endCustomers)
            rows.push_back(&row);
    const domain::BssAccountIndex index = indexFor(rows);
    return domain::auditHierarchy(std::move(hierarchy), index);
}

void BssAuditor::audit(std::vector<domain::TenantRow>& rows) const {
    const domain::BssAccountIndex index = indexFor(rows);
    for (domain::TenantRow& row : rows)
        row = domain::auditTenant(std::move(row), index);
}

} // namespace ict::application
