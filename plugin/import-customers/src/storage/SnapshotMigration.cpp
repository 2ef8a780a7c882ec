#include "storage/SnapshotMigration.h"

#include "storage/RunLeaseRepository.h"

#include "storage/SqlText.h"

namespace ict::storage {
namespace {

const char* const kTenantColumns =
    "tenant_id, reseller_mpn_id, placement, company_name, company_name_key, primary_domain,"
    " status, related_accounts, needs_confirmation, confirmation_reason, id_matched_account_id,"
    " pc_subscription_count, bss_subscription_count, importable, not_importable_reason,"
    " subscription_kinds, fetch_error";

const char* const kSubscriptionColumns =
    "tenant_id, reseller_mpn_id, subscription_id, offer_id, offer_name, friendly_name,"
    " product_type_id, kind, quantity, unit_type, pc_status, billing_cycle, term_duration,"
    " creation_date, effective_start_date, commitment_end_date, auto_renew,"
    " parent_subscription_id, entitlement_id, import_status, reason, reason_text, position";

const char* const kRunColumns = "id, organization_id, instance_id, kind, scope, state, user_id,"
                                " user_login, started_at, finished_at, message, summary";

/// Copies `table`'s rows of each saved instance into `snapshotTable` under the instance's
/// snapshot, then puts the new table in the old one's place.
std::vector<std::string> rekey(const std::string& table, const std::string& snapshotTable,
                               const std::string& columns) {
    std::string prefixed;
    for (std::size_t start = 0; start < columns.size();) {
        std::size_t end = columns.find(',', start);
        if (end == std::string::npos)
            end = columns.size();
        std::string name = columns.substr(start, end - start);
        name.erase(0, name.find_first_not_of(' '));
        prefixed += (prefixed.empty() ? "o." : ", o.") + name;
        start = end + 1;
    }
    return {"INSERT INTO " + snapshotTable + " (snapshot_id, " + columns + ") SELECT s.id, " +
                prefixed + " FROM " + table +
                " o JOIN ict_snapshots s ON s.organization_id = o.organization_id AND"
                " s.instance_id = o.instance_id AND s.state = 'current'",
            "DROP TABLE " + table, "ALTER TABLE " + snapshotTable + " RENAME TO " + table};
}

} // namespace

Migration snapshotMigration(bss::sdk::SqlDialect dialect) {
    const std::string id = identityColumn(dialect);
    std::vector<std::string> statements = {
        "CREATE TABLE ict_snapshots ("
        " id " +
            id +
            ","
            " organization_id BIGINT NOT NULL,"
            " instance_id BIGINT NOT NULL,"
            " run_id TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " created_at TEXT NOT NULL)",
        "CREATE INDEX ict_snapshots_instance ON ict_snapshots (organization_id, instance_id, "
        "state)",
        "INSERT INTO ict_snapshots (organization_id, instance_id, run_id, state, created_at)"
        " SELECT organization_id, instance_id, last_run_id, 'current', saved_at"
        " FROM ict_instance_state ORDER BY organization_id, instance_id",
        "ALTER TABLE ict_instance_state ADD COLUMN snapshot_id BIGINT",
        "UPDATE ict_instance_state SET snapshot_id = (SELECT s.id FROM ict_snapshots s WHERE"
        " s.organization_id = ict_instance_state.organization_id AND"
        " s.instance_id = ict_instance_state.instance_id)",

        "CREATE TABLE ict_snapshot_tenants ("
        " snapshot_id BIGINT NOT NULL,"
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
        " PRIMARY KEY (snapshot_id, tenant_id, reseller_mpn_id))",
        "CREATE TABLE ict_snapshot_subscriptions ("
        " snapshot_id BIGINT NOT NULL,"
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
        " PRIMARY KEY (snapshot_id, tenant_id, reseller_mpn_id, subscription_id))",
        "CREATE TABLE ict_snapshot_resellers ("
        " snapshot_id BIGINT NOT NULL,"
        " mpn_id TEXT NOT NULL,"
        " tenant_id TEXT NOT NULL,"
        " name TEXT NOT NULL,"
        " name_source TEXT NOT NULL,"
        " PRIMARY KEY (snapshot_id, mpn_id))",
    };
    for (auto rows :
         {rekey("ict_tenants", "ict_snapshot_tenants", kTenantColumns),
          rekey("ict_subscriptions", "ict_snapshot_subscriptions", kSubscriptionColumns),
          rekey("ict_resellers", "ict_snapshot_resellers", "mpn_id, tenant_id, name, name_source")})
        statements.insert(statements.end(), rows.begin(), rows.end());
    for (const char* index :
         {// One per sort of the tenant list (see migration 4), now within a snapshot.
          "CREATE INDEX ict_tenants_name ON ict_tenants"
          " (snapshot_id, company_name_key, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_domain ON ict_tenants"
          " (snapshot_id, primary_domain, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_status ON ict_tenants"
          " (snapshot_id, status, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_subscriptions ON ict_tenants"
          " (snapshot_id, pc_subscription_count, tenant_id, reseller_mpn_id)",
          "CREATE INDEX ict_tenants_reseller ON ict_tenants"
          " (snapshot_id, reseller_mpn_id, company_name_key)",
          // Customers spooled by a run's crawl, read back in pages by position.
          "CREATE TABLE ict_crawl_customers ("
          " snapshot_id BIGINT NOT NULL,"
          " position BIGINT NOT NULL,"
          " tenant_id TEXT NOT NULL,"
          " company_name TEXT NOT NULL,"
          " primary_domain TEXT NOT NULL,"
          " relationship TEXT NOT NULL,"
          " associated_partner_id TEXT NOT NULL,"
          " PRIMARY KEY (snapshot_id, position))"})
        statements.push_back(index);

    // Runs: the same rows, numbered in their start order.
    statements.push_back("CREATE TABLE ict_runs_numbered ("
                         " seq " +
                         id +
                         ","
                         " id TEXT NOT NULL UNIQUE,"
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
                         " summary TEXT NOT NULL)");
    statements.push_back(std::string("INSERT INTO ict_runs_numbered (") + kRunColumns +
                         ") SELECT " + kRunColumns + " FROM ict_runs ORDER BY started_at, id");
    statements.push_back("DROP TABLE ict_runs");
    statements.push_back("ALTER TABLE ict_runs_numbered RENAME TO ict_runs");
    statements.push_back("CREATE INDEX ict_runs_instance ON ict_runs"
                         " (organization_id, instance_id, kind, seq)");
    statements.push_back("CREATE INDEX ict_runs_state ON ict_runs (state)");

    // Results are read a page at a time in run order.
    statements.push_back("CREATE INDEX ict_import_results_position ON ict_import_results"
                         " (run_id, position)");
    statements.push_back(runLeaseTableSql("ict_run_leases"));
    return {5, "snapshots, run sequence, run leases", statements};
}

} // namespace ict::storage
