#include "storage/PlanImportWriter.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using ict::storage::forDialect;

namespace apm::storage {

namespace {

/// One subscriptions row to insert.
struct NewSubscription {
    std::int64_t accountId = 0;
    std::string externalId;
    std::int64_t parentId = 0; ///< 0: none (the plan itself).
    std::string name;
    std::string status;
};

class BatchWriter {
public:
    BatchWriter(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                const ImportBatch& batch)
        : _session(session), _dialect(dialect), _batch(batch) {}

    /// Inserts unless held; returns the row's id and whether this run created it.
    std::pair<std::int64_t, bool> insert(const NewSubscription& row, const PlanProduct& of) {
        Poco::Int64 account = row.accountId;
        std::string external = row.externalId;
        Poco::Int64 product = of.productId;
        Poco::Int64 plan = of.usageBillingPlanId;
        Poco::Int64 parent = row.parentId;
        std::string name = row.name;
        std::string status = row.status;
        std::string created = _batch.createdAt;
        std::string marker = _batch.createdByImport;
        _session << forDialect(_dialect,
                               "INSERT INTO subscriptions (account_id, external_ms_subscription_id,"
                               " product_id, billing_plan_id, parent_subscription_id, name,"
                               " quantity, status, billing_cycle, term_duration, auto_renew,"
                               " created_at, created_by_import) VALUES (?, ?, ?, ?,"
                               " NULLIF(CAST(? AS BIGINT), 0), ?, 1, ?, 'monthly', '',"
                               " 0, ?, ?) ON CONFLICT (account_id, external_ms_subscription_id)"
                               " DO NOTHING"),
            use(account), use(external), use(product), use(plan), use(parent), use(name),
            use(status), use(created), use(marker), now;
        return find(row.accountId, row.externalId);
    }

    /// The held row's id (0 when none) and whether this run's marker created it.
    std::pair<std::int64_t, bool> find(std::int64_t accountId, const std::string& externalId) {
        Poco::Int64 account = accountId;
        std::string external = externalId;
        Poco::Data::Statement select(_session);
        select << forDialect(_dialect, "SELECT id, COALESCE(created_by_import, '') FROM"
                                       " subscriptions WHERE account_id = ? AND"
                                       " external_ms_subscription_id = ?"),
            use(account), use(external), now;
        Poco::Data::RecordSet rows(select);
        if (rows.rowCount() == 0)
            return {0, false};
        return {rows.value(0, 0).convert<Poco::Int64>(),
                rows.value(1, 0).convert<std::string>() == _batch.createdByImport};
    }

    /// The scan's rows of `row`: the plan and every Azure subscription under it now in step.
    void markSynced(const domain::PlanRow& row) {
        std::string scan = _batch.scanRunId;
        std::string tenant = row.plan.customerTenantId;
        std::string plan = row.plan.planSubscriptionId;
        Poco::Int64 account = row.accountId;
        _session << forDialect(_dialect,
                               "UPDATE apm_plans SET sync = 'synced', new_azure_count = 0,"
                               " account_id = ? WHERE run_id = ? AND customer_tenant_id = ?"
                               " AND plan_subscription_id = ?"),
            use(account), use(scan), use(tenant), use(plan), now;
        _session << forDialect(_dialect, "UPDATE apm_azure_subscriptions SET sync = 'synced' WHERE"
                                         " run_id = ? AND plan_subscription_id = ?"),
            use(scan), use(plan), now;
    }

private:
    Poco::Data::Session& _session;
    bss::sdk::SqlDialect _dialect;
    const ImportBatch& _batch;
};

ResultRecord line(const domain::PlanRow& row, const std::string& azureId, std::string outcome,
                  std::string detail, std::int64_t bssId) {
    ResultRecord result;
    result.customerTenantId = row.plan.customerTenantId;
    result.planSubscriptionId = row.plan.planSubscriptionId;
    result.azureSubscriptionId = azureId;
    result.outcome = std::move(outcome);
    result.detail = std::move(detail);
    result.bssSubscriptionId = bssId;
    return result;
}

std::string created(bool byThisRun) {
    return byThisRun ? "created" : "already_held";
}

/// The lines of one item; writes its rows unless the batch is a dry run.
void writeItem(BatchWriter& writer, const ImportBatch& batch, const ImportItem& item,
               std::vector<ResultRecord>& out) {
    const domain::PlanRow& row = item.row;
    if (!item.step.skipReason.empty()) {
        out.push_back(line(row, "", "skipped", item.step.skipReason, 0));
        return;
    }
    std::int64_t planId = 0;
    if (item.step.createPlan) {
        if (batch.dryRun) {
            out.push_back(
                line(row, "", "would_create", "Azure plan as " + item.product.productName, 0));
        } else {
            const auto [id, byThisRun] =
                writer.insert({row.accountId, row.plan.planSubscriptionId, 0,
                               row.plan.friendlyName.empty() ? "Azure plan" : row.plan.friendlyName,
                               row.plan.status},
                              item.product);
            planId = id;
            out.push_back(line(row, "", created(byThisRun), item.product.productName, id));
        }
    } else {
        planId = writer.find(row.accountId, row.plan.planSubscriptionId).first;
        if (planId == 0 && !item.step.createAzureSubscriptions.empty()) {
            out.push_back(line(row, "", "failed",
                               "The BSS no longer holds the Azure plan " +
                                   row.plan.planSubscriptionId + ": scan the instance again.",
                               0));
            return;
        }
    }
    for (const auto& azure : item.step.createAzureSubscriptions) {
        if (batch.dryRun) {
            out.push_back(line(row, azure.id, "would_create", "Azure subscription", 0));
            continue;
        }
        const auto [id, byThisRun] = writer.insert(
            {row.accountId, azure.id, planId,
             azure.friendlyName.empty() ? azure.id : azure.friendlyName, azure.status},
            item.product);
        out.push_back(line(row, azure.id, created(byThisRun), "Azure subscription", id));
    }
    if (!batch.dryRun)
        writer.markSynced(row);
}

} // namespace

PlanImportWriter::PlanImportWriter(bss::sdk::Database& database) : _database(database) {}

std::vector<ResultRecord>
PlanImportWriter::writeBatch(const ImportBatch& batch, std::int64_t& nextSeq,
                             const std::function<void(Poco::Data::Session&)>& fence) {
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    if (fence)
        fence(session);
    BatchWriter writer(session, _database.dialect(), batch);
    std::vector<ResultRecord> results;
    for (const ImportItem& item : batch.items)
        writeItem(writer, batch, item, results);
    for (ResultRecord& result : results)
        result.seq = nextSeq++;
    RunStore::appendResults(session, _database.dialect(), batch.runId, results);
    transaction.commit();
    return results;
}

} // namespace apm::storage
