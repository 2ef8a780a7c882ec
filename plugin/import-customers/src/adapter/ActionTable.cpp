#include "adapter/ActionTable.h"

#include "adapter/actions/HierarchyActions.h"
#include "adapter/actions/ImportActions.h"
#include "adapter/actions/InstanceActions.h"
#include "adapter/actions/JobActions.h"

namespace ict::adapter {

const std::vector<ActionEntry>& actionTable() {
    static const std::vector<ActionEntry> table = {
        {"list-instances", "The Microsoft Cloud Services instances the caller may use.",
         listInstances},
        {"last-update", "When the instance's last mass Get Hierarchy completed.", lastUpdate},
        {"get-hierarchy", "Start a Get Hierarchy: mass, single tenant or incremental.",
         startGetHierarchy},
        {"job-status", "Status, progress and result of a job.", jobStatus},
        {"cancel-job", "Ask a running job to stop.", cancelJob},
        {"tenants", "Tenants of the saved hierarchy: filters, sorting, paging.", listTenants},
        {"resellers", "Indirect resellers of the saved hierarchy with their end customers.",
         listResellers},
        {"subscriptions", "Subscriptions of one tenant row of the saved hierarchy.",
         listSubscriptions},
        {"runs", "Recent Get Hierarchy or import runs.", listRuns},
        {"import-preflight", "Check an import before anything is written.", importPreflight},
        {"import-dry-run", "What an import would create, skip or fail, writing nothing.",
         importDryRun},
        {"import", "Start an import of the selected (or all importable) tenants.", startImport},
        {"import-results", "What an import run created, added, skipped and failed.", importResults},
        {"audit-trail", "Who ran which Get Hierarchy or import, when, and how it ended.",
         auditTrail},
    };
    return table;
}

const std::vector<StreamEntry>& streamTable() {
    static const std::vector<StreamEntry> table = {
        {"import-results-csv", "An import or dry run's results as CSV, streamed.",
         streamImportResultsCsv},
    };
    return table;
}

} // namespace ict::adapter
