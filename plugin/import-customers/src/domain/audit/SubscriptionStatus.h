#pragma once
/// A Partner Center subscription's import status after the audit.
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class SubscriptionStatus {
    Unset = 0,
    New,   ///< "new": importable; not in the BSS yet.
    InBss, ///< "in_bss": its id is among the id-matched account's external subscription ids.
    NotImportable, ///< "not_importable": see NotImportableReason.
};

/// The stable name; "unset" for Unset.
const char* subscriptionStatusName(SubscriptionStatus value);

/// The value of a stable name; Unset for any other text.
SubscriptionStatus parseSubscriptionStatus(const std::string& name);

} // namespace ict::domain
