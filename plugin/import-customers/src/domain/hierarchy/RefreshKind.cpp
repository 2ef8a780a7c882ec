#include "domain/hierarchy/RefreshKind.h"

namespace ict::domain {

const char* refreshKindName(RefreshKind value) {
    switch (value) {
    case RefreshKind::Full:
        return "full";
    case RefreshKind::Incremental:
        return "incremental";
    case RefreshKind::Unset:
        break;
    }
    return "unset";
}

RefreshKind parseRefreshKind(const std::string& name) {
    if (name == "full")
        return RefreshKind::Full;
    if (name == "incremental")
        return RefreshKind::Incremental;
    return RefreshKind::Unset;
}

} // namespace ict::domain
