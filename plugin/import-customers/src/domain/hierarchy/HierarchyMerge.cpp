#include "domain/hierarchy/HierarchyMerge.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/validation/AsciiText.h"

#include <algorithm>
#include <set>

namespace ict::domain {
namespace {

std::string tenantKey(const std::string& tenantId) {
    return asciiLower(trimAscii(tenantId));
}

void removeTenants(std::vector<TenantRow>& rows, const std::set<std::string>& tenantIds) {
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const TenantRow& row) {
                                  return tenantIds.count(tenantKey(row.tenantId)) != 0;
                              }),
               rows.end());
}

void collectTenantIds(const Hierarchy& hierarchy, std::set<std::string>& tenantIds) {
    for (const TenantRow& row : hierarchy.directTenants)
        tenantIds.insert(tenantKey(row.tenantId));
    for (const ResellerRow& reseller : hierarchy.resellers)
        for (const TenantRow& row : reseller.endCustomers)
            tenantIds.insert(tenantKey(row.tenantId));
    for (const TenantRow& row : hierarchy.unassignedTenants)
        tenantIds.insert(tenantKey(row.tenantId));
}

/// `fresh`'s name and tenant id into `known` (same mpnId), keeping a real name over a placeholder.
void mergeReseller(ResellerRow& known, const ResellerRow& fresh) {
    const bool keepName = fresh.nameSource == ResellerNameSource::Placeholder &&
                          known.nameSource != ResellerNameSource::Placeholder &&
                          known.nameSource != ResellerNameSource::Unset;
    if (!keepName) {
        known.name = fresh.name;
        known.nameSource = fresh.nameSource;
    }
    if (!fresh.tenantId.empty())
        known.tenantId = fresh.tenantId;
}

} // namespace

std::vector<ResellerRow> mergeResellers(std::vector<ResellerRow> saved,
                                        const std::vector<ResellerRow>& refreshed) {
    for (const ResellerRow& fresh : refreshed) {
        const auto known =
            std::find_if(saved.begin(), saved.end(), [&](const ResellerRow& reseller) {
                return reseller.mpnId == fresh.mpnId;
            });
        if (known == saved.end()) {
            ResellerRow added = fresh;
            added.endCustomers.clear();
            saved.push_back(std::move(added));
        } else {
            mergeReseller(*known, fresh);
        }
    }
    std::sort(saved.begin(), saved.end(),
              [](const ResellerRow& a, const ResellerRow& b) { return a.mpnId < b.mpnId; });
    return saved;
}

Hierarchy mergeTenants(const Hierarchy& previous, const Hierarchy& refreshed,
                       const std::vector<std::string>& refetchedTenantIds) {
    std::set<std::string> replaced;
    for (const std::string& id : refetchedTenantIds)
        replaced.insert(tenantKey(id));
    collectTenantIds(refreshed, replaced);

    Hierarchy merged = previous;
    removeTenants(merged.directTenants, replaced);
    removeTenants(merged.unassignedTenants, replaced);
    for (ResellerRow& reseller : merged.resellers)
        removeTenants(reseller.endCustomers, replaced);

    merged.directTenants.insert(merged.directTenants.end(), refreshed.directTenants.begin(),
                                refreshed.directTenants.end());
    merged.unassignedTenants.insert(merged.unassignedTenants.end(),
                                    refreshed.unassignedTenants.begin(),
                                    refreshed.unassignedTenants.end());
    for (const ResellerRow& fresh : refreshed.resellers) {
        const auto known = std::find_if(
            merged.resellers.begin(), merged.resellers.end(),
            [&](const ResellerRow& reseller) { return reseller.mpnId == fresh.mpnId; });
        if (known == merged.resellers.end()) {
            merged.resellers.push_back(fresh);
            continue;
        }
        mergeReseller(*known, fresh);
        known->endCustomers.insert(known->endCustomers.end(), fresh.endCustomers.begin(),
                                   fresh.endCustomers.end());
    }
    sortHierarchy(merged);
    return merged;
}

Hierarchy mergeSingleTenant(const Hierarchy& previous, const std::string& tenantId,
                            const Hierarchy& refreshed) {
    return mergeTenants(previous, refreshed, {tenantId});
}

} // namespace ict::domain
