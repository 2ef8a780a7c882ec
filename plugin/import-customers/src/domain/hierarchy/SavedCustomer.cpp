#include "domain/hierarchy/SavedCustomer.h"

namespace ict::domain {

namespace {

Customer fromRow(const TenantRow& row) {
    Customer customer;
    customer.tenantId = row.tenantId;
    customer.companyName = row.companyName;
    customer.primaryDomain = row.primaryDomain;
    return customer;
}

} // namespace

std::optional<Customer> savedCustomer(const Hierarchy& saved, const std::string& tenantId) {
    std::optional<Customer> found;
    for (const TenantRow& row : saved.directTenants)
        if (!found && row.tenantId == tenantId)
            found = fromRow(row);
    for (const ResellerRow& reseller : saved.resellers)
        for (const TenantRow& row : reseller.endCustomers) {
            if (row.tenantId != tenantId)
                continue;
            if (!found)
                found = fromRow(row);
            // Placed by its association, not by a subscription: keep what placed it.
            if (row.subscriptions.empty() && !reseller.tenantId.empty())
                found->associatedPartnerId = reseller.tenantId;
        }
    for (const TenantRow& row : saved.unassignedTenants)
        if (!found && row.tenantId == tenantId)
            found = fromRow(row);
    return found;
}

} // namespace ict::domain
