#pragma once
/// A BSS account of the organization as the audit sees it ([S10], [S11]): read from the host's
/// accounts and subscriptions tables by the storage layer. Plain data.

#include <cstdint>
#include <string>
#include <vector>

namespace ict::domain {

struct BssAccount {
    std::int64_t id = 0;          ///< accounts.id.
    std::string name;             ///< accounts.name as the BSS shows it (may have been renamed).
    std::string externalTenantId; ///< accounts.external_ms_tenant_id; empty when none.
    std::string primaryDomain;    ///< accounts.primary_domain; empty when none.
    /// subscriptions.external_ms_subscription_id of every subscription the account holds.
    std::vector<std::string> externalSubscriptionIds;
};

} // namespace ict::domain
