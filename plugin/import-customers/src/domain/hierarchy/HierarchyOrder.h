#pragma once
/// The canonical order of a hierarchy, so saved data, pages and tests see one order.

#include "domain/hierarchy/Hierarchy.h"

namespace ict::domain {

/// Tenants (direct, each reseller's end customers, unassigned) by company name compared
/// case-insensitively (ASCII), then tenant id; resellers by name the same way, then mpnId.
/// Subscriptions keep their order. Stable.
void sortHierarchy(Hierarchy& hierarchy);

} // namespace ict::domain
