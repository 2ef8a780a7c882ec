#include "domain/hierarchy/HierarchyAssembler.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/validation/AsciiText.h"

#include <utility>

namespace ict::domain {

HierarchyAssembler::HierarchyAssembler(const std::vector<Reseller>& relationships,
                                       bool directCapable)
    : _directCapable(directCapable), _placer(relationships, directCapable) {}

void HierarchyAssembler::add(const Customer& customer, std::vector<Subscription> subscriptions) {
    const std::string tenantId = asciiLower(trimAscii(customer.tenantId));
    if (tenantId.empty() || !_placed.insert(tenantId).second)
        return;
    for (TenantRow& row : _placer.place(customer, std::move(subscriptions))) {
        switch (row.placement) {
        case TenantPlacement::EndCustomer:
            _endCustomers[row.resellerMpnId].push_back(std::move(row));
            break;
        case TenantPlacement::Unassigned:
            _hierarchy.unassignedTenants.push_back(std::move(row));
            break;
        default:
            _hierarchy.directTenants.push_back(std::move(row));
        }
    }
}

std::vector<std::string> HierarchyAssembler::partnerIds() const {
    return _placer.partnerIds();
}

Hierarchy HierarchyAssembler::finish(const std::vector<Reseller>& mpnProfiles) {
    Hierarchy hierarchy = std::move(_hierarchy);
    hierarchy.resellers = _placer.resellers(mpnProfiles);
    for (ResellerRow& reseller : hierarchy.resellers) {
        auto found = _endCustomers.find(reseller.mpnId);
        if (found != _endCustomers.end())
            reseller.endCustomers = std::move(found->second);
    }
    _placer = TenantPlacer({}, _directCapable);
    _placed.clear();
    _endCustomers.clear();
    _hierarchy = Hierarchy{};
    sortHierarchy(hierarchy);
    return hierarchy;
}

} // namespace ict::domain
