#include "domain/hierarchy/HierarchyBuilder.h"

#include "domain/hierarchy/HierarchyAssembler.h"
#include "domain/validation/AsciiText.h"

#include <map>

namespace ict::domain {

std::string unknownResellerName(const std::string& mpnId) {
    return "Unknown reseller (MPN " + mpnId + ")";
}

Hierarchy buildHierarchy(const HierarchyInput& input) {
    std::map<std::string, std::vector<Subscription>> subscriptionsByTenant;
    for (const Subscription& subscription : input.subscriptions)
        subscriptionsByTenant[asciiLower(trimAscii(subscription.customerTenantId))].push_back(
            subscription);
    HierarchyAssembler assembler(input.relationships, input.directCapable);
    for (const Customer& customer : input.customers) {
        const auto found = subscriptionsByTenant.find(asciiLower(trimAscii(customer.tenantId)));
        if (found == subscriptionsByTenant.end()) {
            assembler.add(customer, {});
            continue;
        }
        // Moved out: a tenant listed twice is placed once (the first), with its subscriptions.
        assembler.add(customer, std::move(found->second));
        subscriptionsByTenant.erase(found);
    }
    return assembler.finish(input.mpnProfiles);
}

} // namespace ict::domain
