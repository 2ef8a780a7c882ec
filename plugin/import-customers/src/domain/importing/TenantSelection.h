#pragma once
/// One tenant picked for import from the saved hierarchy, with what the audit found ([S1], [S12]).
/// Plain data; the application layer fills it from storage.

#include "domain/importing/AuditStatus.h"
#include "domain/partner/BillingProfile.h"
#include "domain/partner/Customer.h"
#include "domain/partner/Subscription.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ict::domain {

/// Who sells to the tenant: the partner itself (direct, Tier 1) or an indirect reseller (Tier 2).
struct Seller {
    std::string resellerMpnId; ///< Empty for a direct tenant.
    std::string resellerName;

    bool isDirect() const { return resellerMpnId.empty(); }
};

struct AuditedSubscription {
    Subscription subscription; ///< `kind` must be classified (classifySubscription()).
    AuditStatus status = AuditStatus::Unset;
    std::string notImportableReason; ///< Set with NotImportable.
};

struct TenantSelection {
    Customer customer; ///< tenantId, companyName, primaryDomain are used.
    Seller seller;
    std::vector<AuditedSubscription> subscriptions;
    /// The BSS account matched by Microsoft id, when there is one: subscriptions are added to it.
    std::optional<std::int64_t> relatedAccountId;
    /// Another organization sharing the instance (its root or a country tenant of that root)
    /// holds an account with the tenant's Microsoft id: the tenant is that organization's, the
    /// one that imported it first, and is not imported again here. Empty when none does.
    std::string heldByOrganization;
    BillingProfile billingProfile; ///< Contact and address for a new account.
};

} // namespace ict::domain
