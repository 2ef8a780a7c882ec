#pragma once
/// JSON text of GET /v1/auditrecords pages -> ict::domain::AuditRecord. Required per record:
/// "operationType" and "operationDate". Pure; throws GatewayError (MalformedResponse).

#include "domain/partner/AuditRecord.h"
#include "gateway/CollectionPage.h"

#include <string>

namespace ict::gateway {

CollectionPage<domain::AuditRecord> parseAuditRecordPage(const std::string& body,
                                                         const std::string& call);

} // namespace ict::gateway
