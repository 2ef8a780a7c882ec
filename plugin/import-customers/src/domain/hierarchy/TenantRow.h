#pragma once
/// One tenant row of the saved hierarchy: a tenant as seen by one seller (the partner itself for
/// a direct row, one reseller for an end-customer row), with the audit's verdict on it. A tenant
/// with direct and indirect subscriptions has one row per seller. Plain data: what the storage
/// layer saves and the page shows.

#include "domain/audit/RelatedAccount.h"
#include "domain/audit/TenantStatus.h"
#include "domain/hierarchy/SubscriptionRow.h"
#include "domain/hierarchy/TenantPlacement.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ict::domain {

struct TenantRow {
    std::string tenantId;      ///< Microsoft tenant id, lower case.
    std::string companyName;   ///< Partner Center company name; may be empty or unicode.
    std::string primaryDomain; ///< Partner Center primary domain.
    TenantPlacement placement = TenantPlacement::Unset;
    std::string resellerMpnId; ///< The seller of this row when EndCustomer; empty otherwise.
    std::vector<SubscriptionRow> subscriptions; ///< Only this seller's, in Partner Center order.

    // Filled by the audit (auditTenant); defaults until then.
    TenantStatus status = TenantStatus::Unset;
    std::vector<RelatedAccount> relatedAccounts; ///< Strongest key first, then account id.
    bool needsConfirmation = false;      ///< A person must confirm the match before an import.
    std::string confirmationReason;      ///< Why, in one sentence; empty when not needed.
    std::int64_t idMatchedAccountId = 0; ///< The account with the same Microsoft id; 0 if none.
    std::int64_t partnerCenterSubscriptionCount = 0; ///< Counted subscriptions (see auditTenant).
    std::int64_t bssSubscriptionCount = 0; ///< Of those, how many the id-matched account holds.
    bool importable = false;               ///< Offered for import.
    std::string notImportableReason;       ///< Why not, when the tenant itself cannot be imported.
};

} // namespace ict::domain
