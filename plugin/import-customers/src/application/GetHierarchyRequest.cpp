#include "application/GetHierarchyRequest.h"

namespace ict::application {

std::string GetHierarchyRequest::describe() const {
    switch (mode) {
    case HierarchyMode::SingleTenant:
        return "single tenant " + tenantId;
    case HierarchyMode::SingleDomain:
        return "single domain " + domain;
    case HierarchyMode::Incremental:
        return "incremental";
    case HierarchyMode::Mass:
    case HierarchyMode::Unset:
        break;
    }
    return "mass";
}

} // namespace ict::application
