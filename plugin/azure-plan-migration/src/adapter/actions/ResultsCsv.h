#pragma once
/// A dry run's or an import's results as CSV, streamed a page of lines at a time (constant
/// memory at any size), cells safe for spreadsheets (domain/common/CsvWriter.h).

#include "adapter/ApmRuntime.h"

#include <bss/sdk/ResponseStream.h>
#include <bss/sdk/Tool.h>

#include <Poco/JSON/Object.h>

namespace apm::adapter {

inline constexpr const char* kResultsCsvAction = "import-results-csv";

/// {"runId"}: throws ToolError(InvalidInput / NotFound, "runId") before anything is written when
/// the run is missing or not the caller's organization's.
void streamResultsCsv(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body, bss::sdk::ResponseStream& out);

} // namespace apm::adapter
