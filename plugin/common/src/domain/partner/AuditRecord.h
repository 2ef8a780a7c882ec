#pragma once
/// One Partner Center activity-log entry (GET /v1/auditrecords): who did what to which customer,
/// and when. Used to find customers added or changed since the last import. Plain data.

#include <string>

namespace ict::domain {

struct AuditRecord {
    std::string id;
    std::string partnerId;
    std::string customerId; ///< Customer tenant id; empty for partner-level operations.
    std::string customerName;
    std::string operationType; ///< e.g. "add_customer", "create_order"; unknown values kept.
    std::string operationDate; ///< ISO-8601 UTC as sent.
    std::string operationStatus;
    std::string resourceType;
    std::string userPrincipalName;
    std::string applicationId;
};

} // namespace ict::domain
