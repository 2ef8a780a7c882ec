#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// GET /v1/auditrecords?startDate=..[&endDate=..][&size=N]: activity-log entries with
/// startDate <= operationDate < endDate, oldest first, seek-paged like customers. startDate
/// defaults to 30 days ago, endDate to now; a date without a time as endDate covers that whole
/// day. Unparseable dates answer 400 code 2000 naming the parameter.
class AuditRecordsEndpoint {
public:
    static Reply list(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
