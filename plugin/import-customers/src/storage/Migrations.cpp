#include "storage/Migrations.h"

#include "storage/SnapshotMigration.h"
#include "storage/SqlText.h"

namespace ict::storage {

using bss::sdk::SqlDialect;

std::vector<Migration> toolMigrations(SqlDialect dialect) {
    const std::string id = identityColumn(dialect);
    return {
        {1,
         "audit trail",
         {"CREATE TABLE ict_audit_trail ("
          " id " +
              id +
              ","
              " organization_id BIGINT NOT NULL,"
              " user_id BIGINT NOT NULL,"
              " user_login TEXT NOT NULL,"
              " instance_id BIGINT,"
              " action TEXT NOT NULL,"
              " selection TEXT NOT NULL,"
              " outcome TEXT NOT NULL,"
              " detail TEXT NOT NULL,"
              " at TEXT NOT NULL)",
          "CREATE INDEX ict_audit_trail_org ON ict_audit_trail (organization_id, at)"}},
        {2,
         "saved hierarchy",
         {// What the last good Get Hierarchy saved per organization and instance; replaced in
          // one transaction by each run, so readers see the old or the new, never a mix.
          "CREATE TABLE ict_instance_state ("
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " last_mass_update_at TEXT,"
          " saved_at TEXT NOT NULL,"
          " last_run_id TEXT NOT NULL,"
          " changes_covered_until TEXT,"
          " PRIMARY KEY (organization_id, instance_id))",
          "CREATE TABLE ict_resellers ("
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " mpn_id TEXT NOT NULL,"
          " tenant_id TEXT NOT NULL,"
          " name TEXT NOT NULL,"
          " name_source TEXT NOT NULL,"
          " PRIMARY KEY (organization_id, instance_id, mpn_id))",
          "CREATE TABLE ict_tenants ("
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " tenant_id TEXT NOT NULL,"
          " reseller_mpn_id TEXT NOT NULL,"
          " placement TEXT NOT NULL,"
          " company_name TEXT NOT NULL,"
          " company_name_key TEXT NOT NULL,"
          " primary_domain TEXT NOT NULL,"
          " status TEXT NOT NULL,"
          " related_accounts TEXT NOT NULL,"
          " needs_confirmation INTEGER NOT NULL,"
          " confirmation_reason TEXT NOT NULL,"
          " id_matched_account_id BIGINT NOT NULL,"
          " pc_subscription_count INTEGER NOT NULL,"
          " bss_subscription_count INTEGER NOT NULL,"
          " importable INTEGER NOT NULL,"
          " not_importable_reason TEXT NOT NULL,"
          " subscription_kinds TEXT NOT NULL,"
          " fetch_error TEXT NOT NULL,"
          " PRIMARY KEY (organization_id, instance_id, tenant_id, reseller_mpn_id))",
          "CREATE INDEX ict_tenants_name ON ict_tenants"
          " (organization_id, instance_id, company_name_key, tenant_id)",
          "CREATE INDEX ict_tenants_reseller ON ict_tenants"
          " (organization_id, instance_id, reseller_mpn_id, company_name_key)",
          "CREATE TABLE ict_subscriptions ("
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " tenant_id TEXT NOT NULL,"
          " reseller_mpn_id TEXT NOT NULL,"
          " subscription_id TEXT NOT NULL,"
          " offer_id TEXT NOT NULL,"
          " offer_name TEXT NOT NULL,"
          " friendly_name TEXT NOT NULL,"
          " product_type_id TEXT NOT NULL,"
          " kind TEXT NOT NULL,"
          " quantity BIGINT NOT NULL,"
          " unit_type TEXT NOT NULL,"
          " pc_status TEXT NOT NULL,"
          " billing_cycle TEXT NOT NULL,"
          " term_duration TEXT NOT NULL,"
          " creation_date TEXT NOT NULL,"
          " effective_start_date TEXT NOT NULL,"
          " commitment_end_date TEXT NOT NULL,"
          " auto_renew INTEGER NOT NULL,"
          " parent_subscription_id TEXT NOT NULL,"
          " entitlement_id TEXT NOT NULL,"
          " import_status TEXT NOT NULL,"
          " reason TEXT NOT NULL,"
          " reason_text TEXT NOT NULL,"
          " position INTEGER NOT NULL,"
          " PRIMARY KEY (organization_id, instance_id, tenant_id, reseller_mpn_id,"
          " subscription_id))",
          "CREATE TABLE ict_runs ("
          " id TEXT PRIMARY KEY,"
          " organization_id BIGINT NOT NULL,"
          " instance_id BIGINT NOT NULL,"
          " kind TEXT NOT NULL,"
          " scope TEXT NOT NULL,"
          " state TEXT NOT NULL,"
          " user_id BIGINT NOT NULL,"
          " user_login TEXT NOT NULL,"
          " started_at TEXT NOT NULL,"
          " finished_at TEXT,"
          " message TEXT NOT NULL,"
          " summary TEXT NOT NULL)",
          "CREATE INDEX ict_runs_instance ON ict_runs (organization_id, instance_id, started_at)"}},
        {3,
         "import results",
         {// One row per tenant an import run handled, written in the same transaction as the
          // tenant's rows (its batch's) so the results always agree with what was written.
          "CREATE TABLE ict_import_results ("
          " run_id TEXT NOT NULL,"
          " position INTEGER NOT NULL,"
          " tenant_id TEXT NOT NULL,"
          " reseller_mpn_id TEXT NOT NULL,"
          " outcome TEXT NOT NULL,"
          " PRIMARY KEY (run_id, tenant_id, reseller_mpn_id))"}},
        {4,
         "tenant list sort indexes",
         {// One index per sort of the tenant list, holding the whole order (sort key, then the
          // primary key): a page reads its keys from the index in order and stops, and a
          // deep offset steps over index entries instead of sorting the instance's rows.
          // Sorting by tenant id uses the primary key.
          "DROP INDEX ict_tenants_name",
          "CREATE INDEX ict_tenants_name ON ict_tenants"
          " (organization_id, instance_id, company_name_key, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_domain ON ict_tenants"
          " (organization_id, instance_id, primary_domain, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_status ON ict_tenants"
          " (organization_id, instance_id, status, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_subscriptions ON ict_tenants"
          " (organization_id, instance_id, pc_subscription_count, tenant_id, reseller_mpn_id)"}},
        snapshotMigration(dialect),
        {6,
         "tenant list filter index",
         {// The filters that are not a sort of their own (type, importable, subscription kind,
          // fetch error): a page's count reads this narrow index instead of every table row of
          // the snapshot (280 ms at 100,000 tenants on SQLite; about 10 ms from the index).
          // Importable first: that filter is a range; the type is one within each of its two
          // values (SQLite's skip-scan), the others a scan of the index alone.
          "CREATE INDEX ict_tenants_filters ON ict_tenants (snapshot_id, importable, placement,"
          " subscription_kinds, status, fetch_error, tenant_id, reseller_mpn_id)"}},
        {7,
         "audit entry of a run",
         {// A run's entry is written when it starts ("running") and completed when it ends, so
          // an import whose host was killed after it created accounts still has one. Entries
          // written before this version have no run.
          "ALTER TABLE ict_audit_trail ADD COLUMN run_id TEXT",
          "CREATE INDEX ict_audit_trail_run ON ict_audit_trail (run_id)"}},
    };
}

int migrate(bss::sdk::Database& database, const std::vector<Migration>& migrations,
            const std::string& appliedAtIso) {
    return migrateTables(database, "ict_schema_migrations", migrations, appliedAtIso);
}

} // namespace ict::storage
