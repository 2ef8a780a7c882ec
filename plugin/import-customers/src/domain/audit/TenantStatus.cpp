#include "domain/audit/TenantStatus.h"

namespace ict::domain {

const char* tenantStatusName(TenantStatus value) {
    switch (value) {
    case TenantStatus::Unsynced:
        return "unsynced";
    case TenantStatus::Synced:
        return "synced";
    case TenantStatus::NewSubscriptions:
        return "new_subscriptions";
    case TenantStatus::Unset:
        break;
    }
    return "unset";
}

TenantStatus parseTenantStatus(const std::string& name) {
    if (name == "unsynced")
        return TenantStatus::Unsynced;
    if (name == "synced")
        return TenantStatus::Synced;
    if (name == "new_subscriptions")
        return TenantStatus::NewSubscriptions;
    return TenantStatus::Unset;
}

} // namespace ict::domain
