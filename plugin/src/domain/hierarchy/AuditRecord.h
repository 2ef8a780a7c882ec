#pragma once
/// One Partner Center activity (audit) record (GET /v1/auditrecords), the fields an incremental
/// refresh needs ([B4]). Plain data.

#include <string>

namespace ict::domain {

struct AuditRecord {
    std::string customerId;    ///< The tenant the operation touched; empty for partner-level ones.
    std::string operationDate; ///< ISO-8601 UTC as Partner Center sent it.
    std::string operationType; ///< e.g. "add_customer", "create_order", "update_subscription".
    std::string resourceType;  ///< e.g. "customer", "order", "subscription".
};

} // namespace ict::domain
