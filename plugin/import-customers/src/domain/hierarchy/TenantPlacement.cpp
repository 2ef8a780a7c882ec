#include "domain/hierarchy/TenantPlacement.h"

namespace ict::domain {

const char* tenantPlacementName(TenantPlacement value) {
    switch (value) {
    case TenantPlacement::Direct:
        return "direct";
    case TenantPlacement::EndCustomer:
        return "end_customer";
    case TenantPlacement::Unassigned:
        return "unassigned";
    case TenantPlacement::Unset:
        break;
    }
    return "unset";
}

TenantPlacement parseTenantPlacement(const std::string& name) {
    if (name == "direct")
        return TenantPlacement::Direct;
    if (name == "end_customer")
        return TenantPlacement::EndCustomer;
    if (name == "unassigned")
        return TenantPlacement::Unassigned;
    return TenantPlacement::Unset;
}

} // namespace ict::domain
