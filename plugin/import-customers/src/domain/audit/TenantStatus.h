#pragma once
/// A tenant's import status after the audit ([S10]).
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class TenantStatus {
    Unset = 0,
    Unsynced,         ///< "unsynced": no BSS account has the tenant's Microsoft id.
    Synced,           ///< "synced": the id-matched account holds every counted subscription.
    NewSubscriptions, ///< "new_subscriptions": the id-matched account lacks some counted
                      ///< subscriptions.
};

/// The stable name; "unset" for Unset.
const char* tenantStatusName(TenantStatus value);

/// The value of a stable name; Unset for any other text.
TenantStatus parseTenantStatus(const std::string& name);

} // namespace ict::domain
