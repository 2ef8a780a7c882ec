#include "domain/importing/ResellerAction.h"

namespace ict::domain {

const char* resellerActionKindName(ResellerActionKind kind) {
    switch (kind) {
    case ResellerActionKind::Direct:
        return "direct";
    case ResellerActionKind::UseExistingReseller:
        return "use_existing_reseller";
    case ResellerActionKind::CreateReseller:
        return "create_reseller";
    case ResellerActionKind::Unset:
        break;
    }
    return "unset";
}

} // namespace ict::domain
