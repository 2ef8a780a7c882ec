#pragma once
/// One Partner Center subscription in the saved hierarchy, with the audit's verdict on it.
/// Plain data: what the storage layer saves and the page shows.

#include "domain/audit/NotImportableReason.h"
#include "domain/audit/SubscriptionStatus.h"
#include "domain/partner/Subscription.h"

#include <string>

namespace ict::domain {

struct SubscriptionRow {
    Subscription subscription; ///< As Partner Center sent it (kind already classified).

    // Filled by the audit (auditTenant); Unset / empty until then.
    SubscriptionStatus status = SubscriptionStatus::Unset;
    NotImportableReason reason = NotImportableReason::Unset; ///< Set only when NotImportable.
    std::string reasonText; ///< The user-facing sentence for `reason`; empty otherwise.
};

} // namespace ict::domain
