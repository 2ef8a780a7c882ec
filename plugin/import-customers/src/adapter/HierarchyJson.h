#pragma once
/// JSON shapes of the saved hierarchy as actions answer them (the admin page reads these).

#include "domain/hierarchy/SubscriptionRow.h"
#include "storage/HierarchyQuery.h"
#include "storage/RunRepository.h"

#include <Poco/JSON/Object.h>

namespace ict::adapter {

Poco::JSON::Object::Ptr tenantJson(const storage::TenantListRow& item);
Poco::JSON::Object::Ptr subscriptionJson(const domain::SubscriptionRow& row);
Poco::JSON::Object::Ptr resellerJson(const storage::ResellerSummary& reseller);
Poco::JSON::Object::Ptr runJson(const storage::RunRecord& run);
Poco::JSON::Object::Ptr auditEntryJson(const storage::AuditTrailEntry& entry);

} // namespace ict::adapter
