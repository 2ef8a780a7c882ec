#include "storage/ApmMigrations.h"

#include "storage/RunLeaseRepository.h"
#include "storage/SqlText.h"

namespace apm::storage {

std::vector<ict::storage::Migration> apmMigrations(bss::sdk::SqlDialect dialect) {
    const std::string id = ict::storage::identityColumn(dialect);
    return {
        {1,
         "runs, scanned plans, results, audit trail",
         {// Every scan, dry run and import; `seq` orders them (start times tie within a second).
          "CREATE TABLE apm_runs ("
          " seq " +
              id +
              ","
              " run_id TEXT NOT NULL UNIQUE,"
              " organization_id BIGINT NOT NULL,"
              " instance_id BIGINT NOT NULL,"
              " kind TEXT NOT NULL,"
              " state TEXT NOT NULL,"
              " user_login TEXT NOT NULL,"
              " started_at TEXT NOT NULL,"
              " finished_at TEXT,"
              " summary TEXT NOT NULL,"
              " error TEXT NOT NULL)",
          "CREATE INDEX apm_runs_instance ON apm_runs (organization_id, instance_id, seq)",
          // Which scan's rows are the instance's list: the last one that completed.
          "CREATE TABLE apm_instance_state ("
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " scan_run_id TEXT NOT NULL,"
          " scanned_at TEXT NOT NULL,"
          " PRIMARY KEY (organization_id, instance_id))",
          // A scan's rows, written as the scan reads them, keyed by its run: the previous scan's
          // rows stay the list until this one completes and is promoted.
          "CREATE TABLE apm_plans ("
          " run_id TEXT NOT NULL,"
          " customer_tenant_id TEXT NOT NULL,"
          " plan_subscription_id TEXT NOT NULL,"
          " customer_name TEXT NOT NULL,"
          " offer_id TEXT NOT NULL,"
          " friendly_name TEXT NOT NULL,"
          " status TEXT NOT NULL,"
          " sync TEXT NOT NULL,"
          " account_id BIGINT NOT NULL,"
          " azure_count INTEGER NOT NULL,"
          " new_azure_count INTEGER NOT NULL,"
          " PRIMARY KEY (run_id, customer_tenant_id, plan_subscription_id))",
          "CREATE TABLE apm_azure_subscriptions ("
          " run_id TEXT NOT NULL,"
          " plan_subscription_id TEXT NOT NULL,"
          " azure_subscription_id TEXT NOT NULL,"
          " friendly_name TEXT NOT NULL,"
          " status TEXT NOT NULL,"
          " sync TEXT NOT NULL,"
          " PRIMARY KEY (run_id, plan_subscription_id, azure_subscription_id))",
          // What a dry run or an import did, one row per plan or Azure subscription.
          "CREATE TABLE apm_results ("
          " run_id TEXT NOT NULL,"
          " seq INTEGER NOT NULL,"
          " customer_tenant_id TEXT NOT NULL,"
          " plan_subscription_id TEXT NOT NULL,"
          " azure_subscription_id TEXT NOT NULL,"
          " outcome TEXT NOT NULL,"
          " detail TEXT NOT NULL,"
          " bss_subscription_id BIGINT NOT NULL,"
          " PRIMARY KEY (run_id, seq))",
          "CREATE TABLE apm_audit_trail ("
          " id " +
              id +
              ","
              " organization_id BIGINT NOT NULL,"
              " user_login TEXT NOT NULL,"
              " instance_id BIGINT NOT NULL,"
              " action TEXT NOT NULL,"
              " run_id TEXT NOT NULL,"
              " outcome TEXT NOT NULL,"
              " detail TEXT NOT NULL,"
              " at TEXT NOT NULL)",
          "CREATE INDEX apm_audit_trail_org ON apm_audit_trail (organization_id, id)"}},
        {2,
         "run leases",
         {// One run per organization's instance across every host on the database.
          ict::storage::runLeaseTableSql("apm_run_leases"),
          "CREATE INDEX apm_runs_state ON apm_runs (state)"}},
    };
}

int migrateApmTables(bss::sdk::Database& database, const std::string& appliedAtIso) {
    return ict::storage::migrateTables(database, "apm_schema_migrations",
                                       apmMigrations(database.dialect()), appliedAtIso);
}

} // namespace apm::storage
