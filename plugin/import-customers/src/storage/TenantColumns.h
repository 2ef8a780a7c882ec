#pragma once
/// The saved tenant row's columns of ict_tenants, in one order, and the reading of a result row
/// of them back into a domain::TenantRow. Shared by the hierarchy's loader and its list query,
/// so a column added to the table is read the same way by both.

#include "domain/hierarchy/TenantRow.h"

#include <Poco/Data/RecordSet.h>

#include <cstddef>
#include <string>

namespace ict::storage {

/// "<p>tenant_id, <p>reseller_mpn_id, ..., <p>not_importable_reason": 14 columns, `prefix` (e.g.
/// "t.") before each.
std::string tenantColumns(const std::string& prefix = "");

/// The number of columns tenantColumns() names.
constexpr std::size_t kTenantColumnCount = 14;

/// The tenant row at `row` of `rows`, whose columns from `first` on are tenantColumns()'s.
/// Subscriptions are left empty. Throws Poco::Exception when a value does not convert.
domain::TenantRow tenantRowAt(Poco::Data::RecordSet& rows, std::size_t row, std::size_t first = 0);

} // namespace ict::storage
