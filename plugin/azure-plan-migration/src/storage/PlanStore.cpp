#include "storage/PlanStore.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <map>

using namespace Poco::Data::Keywords;
using ict::storage::forDialect;

namespace apm::storage {

PlanStore::PlanStore(bss::sdk::Database& database) : _database(database) {}

void PlanStore::writeScanRows(const std::string& runId, const std::vector<domain::PlanRow>& rows) {
    if (rows.empty())
        return;
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    const std::string planSql =
        forDialect(dialect, "INSERT INTO apm_plans (run_id, customer_tenant_id,"
                            " plan_subscription_id, customer_name, offer_id, friendly_name, status,"
                            " sync, account_id, azure_count, new_azure_count)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const std::string azureSql = forDialect(
        dialect, "INSERT INTO apm_azure_subscriptions (run_id, plan_subscription_id,"
                 " azure_subscription_id, friendly_name, status, sync) VALUES (?, ?, ?, ?, ?, ?)");
    std::string run = runId;
    for (const domain::PlanRow& row : rows) {
        std::string tenant = row.plan.customerTenantId;
        std::string plan = row.plan.planSubscriptionId;
        std::string name = row.plan.customerName;
        std::string offer = row.plan.offerId;
        std::string friendly = row.plan.friendlyName;
        std::string status = row.plan.status;
        std::string sync = domain::syncStatusName(row.sync);
        Poco::Int64 account = row.accountId;
        Poco::Int64 azureCount = static_cast<Poco::Int64>(row.azureSubscriptions.size());
        Poco::Int64 newCount = static_cast<Poco::Int64>(row.newAzureSubscriptions());
        session << planSql, use(run), use(tenant), use(plan), use(name), use(offer), use(friendly),
            use(status), use(sync), use(account), use(azureCount), use(newCount), now;
        for (const domain::AzureSubscriptionRow& azure : row.azureSubscriptions) {
            std::string id = azure.azureSubscription.id;
            std::string azureName = azure.azureSubscription.friendlyName;
            std::string azureStatus = azure.azureSubscription.status;
            std::string azureSync = domain::syncStatusName(azure.sync);
            session << azureSql, use(run), use(plan), use(id), use(azureName), use(azureStatus),
                use(azureSync), now;
        }
    }
    transaction.commit();
}

void PlanStore::promote(std::int64_t organizationId, std::int64_t instanceId,
                        const std::string& runId, const std::string& scannedAtIso,
                        const std::function<void(Poco::Data::Session&)>& fence) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    if (fence)
        fence(session);
    Poco::Int64 org = organizationId;
    Poco::Int64 instance = instanceId;
    std::string run = runId;
    std::string at = scannedAtIso;
    // The instance's other scans: every scan run of (org, instance) but this one.
    const std::string others = " WHERE run_id IN (SELECT run_id FROM apm_runs WHERE"
                               " organization_id = ? AND instance_id = ? AND kind = 'scan'"
                               " AND run_id <> ?)";
    for (const char* table : {"apm_plans", "apm_azure_subscriptions"})
        session << forDialect(dialect, std::string("DELETE FROM ") + table + others), use(org),
            use(instance), use(run), now;
    session << forDialect(dialect, "DELETE FROM apm_instance_state WHERE organization_id = ?"
                                   " AND instance_id = ?"),
        use(org), use(instance), now;
    session << forDialect(dialect, "INSERT INTO apm_instance_state (organization_id, instance_id,"
                                   " scan_run_id, scanned_at) VALUES (?, ?, ?, ?)"),
        use(org), use(instance), use(run), use(at), now;
    transaction.commit();
}

void PlanStore::discard(const std::string& runId) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string run = runId;
    session << forDialect(dialect, "DELETE FROM apm_plans WHERE run_id = ?"), use(run), now;
    session << forDialect(dialect, "DELETE FROM apm_azure_subscriptions WHERE run_id = ?"),
        use(run), now;
    transaction.commit();
}

std::optional<ScanState> PlanStore::state(std::int64_t organizationId, std::int64_t instanceId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    Poco::Int64 instance = instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT scan_run_id, scanned_at FROM apm_instance_state"
                         " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    return ScanState{rows.value(0, 0).convert<std::string>(),
                     rows.value(1, 0).convert<std::string>()};
}

std::vector<domain::PlanRow> PlanStore::plansAfter(const std::string& runId, const PlanKey& after,
                                                   const PlanFilter& filter, std::size_t limit) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    std::string sql = "SELECT customer_tenant_id, plan_subscription_id, customer_name, offer_id,"
                      " friendly_name, status, sync, account_id FROM apm_plans WHERE run_id = ?"
                      " AND (customer_tenant_id > ? OR (customer_tenant_id = ?"
                      " AND plan_subscription_id > ?))";
    std::string run = runId;
    std::string afterTenant = after.customerTenantId;
    std::string afterTenantAgain = after.customerTenantId;
    std::string afterPlan = after.planSubscriptionId;
    std::string sync = filter.sync ? domain::syncStatusName(*filter.sync) : "";
    std::string tenant = filter.customerTenantId;
    if (filter.sync)
        sql += " AND sync = ?";
    if (!tenant.empty())
        sql += " AND customer_tenant_id = ?";
    if (filter.notInStep)
        sql += " AND (sync <> 'synced' OR new_azure_count > 0)";
    sql += " ORDER BY customer_tenant_id, plan_subscription_id LIMIT " + std::to_string(limit);
    Poco::Data::Statement select(session);
    select << forDialect(dialect, sql), use(run), use(afterTenant), use(afterTenantAgain),
        use(afterPlan);
    if (filter.sync)
        select, use(sync);
    if (!tenant.empty())
        select, use(tenant);
    select.execute();
    Poco::Data::RecordSet found(select);
    std::vector<domain::PlanRow> plans;
    for (std::size_t i = 0; i < found.rowCount(); ++i) {
        domain::PlanRow row;
        row.plan.customerTenantId = found.value(0, i).convert<std::string>();
        row.plan.planSubscriptionId = found.value(1, i).convert<std::string>();
        row.plan.customerName = found.value(2, i).convert<std::string>();
        row.plan.offerId = found.value(3, i).convert<std::string>();
        row.plan.friendlyName = found.value(4, i).convert<std::string>();
        row.plan.status = found.value(5, i).convert<std::string>();
        row.sync = domain::parseSyncStatus(found.value(6, i).convert<std::string>())
                       .value_or(domain::SyncStatus::New);
        row.accountId = found.value(7, i).convert<Poco::Int64>();
        plans.push_back(std::move(row));
    }
    if (plans.empty())
        return plans;
    // One read for the page's Azure subscriptions (a page or batch is at most a few hundred
    // plans), in the primary key's order, handed to their plans.
    std::map<std::string, domain::PlanRow*> byPlan;
    for (domain::PlanRow& row : plans)
        byPlan[row.plan.planSubscriptionId] = &row;
    Poco::Data::Statement children(session);
    children << forDialect(dialect, "SELECT plan_subscription_id, azure_subscription_id,"
                                    " friendly_name, status, sync FROM apm_azure_subscriptions"
                                    " WHERE run_id = ? AND plan_subscription_id IN " +
                                        ict::storage::placeholderRows(byPlan.size(), 1) +
                                        " ORDER BY plan_subscription_id, azure_subscription_id"),
        use(run);
    std::vector<std::string> ids;
    for (const auto& [id, row] : byPlan)
        ids.push_back(id);
    for (std::string& id : ids)
        children, use(id);
    children.execute();
    Poco::Data::RecordSet azure(children);
    for (std::size_t i = 0; i < azure.rowCount(); ++i) {
        const std::string plan = azure.value(0, i).convert<std::string>();
        domain::AzureSubscriptionRow child;
        child.azureSubscription.id = azure.value(1, i).convert<std::string>();
        child.azureSubscription.friendlyName = azure.value(2, i).convert<std::string>();
        child.azureSubscription.status = azure.value(3, i).convert<std::string>();
        child.azureSubscription.planSubscriptionId = plan;
        child.sync = domain::parseSyncStatus(azure.value(4, i).convert<std::string>())
                         .value_or(domain::SyncStatus::New);
        byPlan.at(plan)->azureSubscriptions.push_back(std::move(child));
    }
    return plans;
}

PlanCounts PlanStore::counts(const std::string& runId) {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT sync, COUNT(*), SUM(azure_count), SUM(new_azure_count)"
                         " FROM apm_plans WHERE run_id = ? GROUP BY sync"),
        use(run), now;
    Poco::Data::RecordSet rows(select);
    PlanCounts counts;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        const std::string sync = rows.value(0, i).convert<std::string>();
        const auto plans = rows.value(1, i).convert<std::size_t>();
        counts.plans += plans;
        counts.azureSubscriptions += rows.value(2, i).convert<std::size_t>();
        counts.newAzureSubscriptions += rows.value(3, i).convert<std::size_t>();
        if (sync == "import_customer_first")
            counts.importCustomerFirst += plans;
        else if (sync == "synced")
            counts.synced += plans;
        else
            counts.newPlans += plans;
    }
    return counts;
}

std::vector<std::string> PlanStore::offersNotInStep(const std::string& runId) {
    Poco::Data::Session session = _database.session();
    std::string run = runId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT DISTINCT offer_id FROM apm_plans WHERE run_id = ? AND (sync ="
                         " 'new' OR new_azure_count > 0) ORDER BY offer_id"),
        use(run), now;
    Poco::Data::RecordSet rows(select);
    std::vector<std::string> offers;
    for (std::size_t i = 0; i < rows.rowCount(); ++i)
        offers.push_back(rows.value(0, i).convert<std::string>());
    return offers;
}

} // namespace apm::storage
