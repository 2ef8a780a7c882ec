#include "domain/hierarchy/HierarchyOrder.h"

#include "domain/validation/AsciiText.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ict::domain {
namespace {

void sortTenants(std::vector<TenantRow>& tenants) {
    // Keys are computed once: lower-casing both names on every comparison made sorting 10,000
    // rows a visible part of a mass run's save.
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(tenants.size());
    for (std::size_t i = 0; i < tenants.size(); ++i)
        keys.emplace_back(asciiLower(tenants[i].companyName), i);
    std::stable_sort(keys.begin(), keys.end(), [&tenants](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        return tenants[a.second].tenantId < tenants[b.second].tenantId;
    });
    std::vector<TenantRow> sorted;
    sorted.reserve(tenants.size());
    for (const auto& key : keys)
        sorted.push_back(std::move(tenants[key.second]));
    tenants = std::move(sorted);
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
