#include "gateway/AuditRecordParser.h"

#include "gateway/CollectionParser.h"
#include "gateway/JsonFields.h"

#include <Poco/String.h>

namespace ict::gateway {
namespace {

domain::AuditRecord parseRecord(const Poco::JSON::Object::Ptr& object, const std::string& call,
                                const std::string& where) {
    auto text = [&](const char* field) { return json::optionalString(object, field, call, where); };
    domain::AuditRecord record;
    record.id = text("id");
    record.partnerId = text("partnerId");
    record.customerId = Poco::toLower(text("customerId"));
    record.customerName = text("customerName");
    record.operationType = json::requiredString(object, "operationType", call, where);
    record.operationDate = json::requiredString(object, "operationDate", call, where);
    record.operationStatus = text("operationStatus");
    record.resourceType = text("resourceType");
    record.userPrincipalName = text("userPrincipalName");
    record.applicationId = text("applicationId");
    return record;
}

} // namespace

CollectionPage<domain::AuditRecord> parseAuditRecordPage(const std::string& body,
                                                         const std::string& call) {
    return parseCollection<domain::AuditRecord>(body, call, parseRecord);
}

} // namespace ict::gateway
