#include "adapter/ApmActionTable.h"

#include "adapter/JobAnswers.h"
#include "adapter/actions/ImportActions.h"
#include "adapter/actions/ScanActions.h"

namespace apm::adapter {

namespace {

std::string jobStatus(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    return ict::adapter::jobStatusAnswer(runtime.services.jobs(), request.caller, body);
}

std::string cancelJob(ApmRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    return ict::adapter::cancelJobAnswer(runtime.services.jobs(), request.caller, body);
}

} // namespace

const std::vector<ActionEntry>& actionTable() {
    static const std::vector<ActionEntry> table{
        {"list-instances", "The Microsoft Cloud Services instances the caller may use.",
         listInstances},
        {"scan",
         "Start a scan: the Azure plans of the instance's customers and their Azure "
         "subscriptions, against the BSS.",
         startScan},
        {"plans", "The last scan's Azure plans with their Azure subscriptions: filters, paging.",
         listPlans},
        {"job-status", "Status, progress and result of a job.", jobStatus},
        {"cancel-job", "Ask a running job to stop.", cancelJob},
        {"import-preflight", "Check an import before anything is written.", importPreflight},
        {"import", "Start an import (or a dry run) of what the last scan found missing.",
         startImport},
        {"import-results", "What a dry run or an import created, found held, skipped or failed.",
         importResults},
        {"runs", "Recent scans, dry runs and imports of an instance.", listRuns},
        {"audit-trail", "Who ran which scan, dry run or import, when, and how it ended.",
         auditTrail},
    };
    return table;
}

} // namespace apm::adapter
