#pragma once

#include <Poco/Timestamp.h>

#include <string>
#include <utility>
#include <vector>

namespace mockhost::emulator {

/// One activity-log entry (GET /v1/auditrecords).
struct AuditRecord {
    std::string id;
    std::string customerId;
    std::string customerName;
    std::string resourceType;     ///< "customer", "subscription", "order"
    std::string resourceName;     ///< e.g. the subscription's offer name
    std::string resourceNewValue; ///< JSON text of the resource after the change
    std::string operationType;    ///< add_customer, create_order, update_subscription, ...
    Poco::Timestamp operationDate;
    std::string operationStatus = "succeeded";
    std::string userPrincipalName;
    /// Extra key/value pairs, e.g. {"SubscriptionId", id}, {"OrderId", id}.
    std::vector<std::pair<std::string, std::string>> customizedData;
};

} // namespace mockhost::emulator
