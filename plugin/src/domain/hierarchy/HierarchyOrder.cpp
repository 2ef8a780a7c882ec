#include "domain/hierarchy/HierarchyOrder.h"

#include "domain/validation/AsciiText.h"

#include <algorithm>
#include <tuple>

namespace ict::domain {
namespace {

void sortTenants(std::vector<TenantRow>& tenants) {
    std::stable_sort(tenants.begin(), tenants.end(), [](const TenantRow& a, const TenantRow& b) {
        return std::make_tuple(asciiLower(a.companyName), a.tenantId) <
               std::make_tuple(asciiLower(b.companyName), b.tenantId);
    });
}

} // namespace

void sortHierarchy(Hierarchy& hierarchy) {
    sortTenants(hierarchy.directTenants);
    sortTenants(hierarchy.unassignedTenants);
    for (ResellerRow& reseller : hierarchy.resellers)
        sortTenants(reseller.endCustomers);
    std::stable_sort(hierarchy.resellers.begin(), hierarchy.resellers.end(),
                     [](const ResellerRow& a, const ResellerRow& b) {
                         return std::make_tuple(asciiLower(a.name), a.mpnId) <
                                std::make_tuple(asciiLower(b.name), b.mpnId);
                     });
}

} // namespace ict::domain
