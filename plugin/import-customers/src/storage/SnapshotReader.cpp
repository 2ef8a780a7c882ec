#include "storage/SnapshotReader.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "storage/SqlText.h"
#include "storage/TenantColumns.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <map>
#include <set>
#include <tuple>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;
using PairKey = std::pair<std::string, std::string>; ///< (tenant id, reseller mpn id)

const char* const kSubscriptionColumns =
    "tenant_id, reseller_mpn_id, subscription_id, offer_id, offer_name, friendly_name,"
    " product_type_id, kind, quantity, unit_type, pc_status, billing_cycle, term_duration,"
    " creation_date, effective_start_date, commitment_end_date, auto_renew,"
    " parent_subscription_id, entitlement_id, import_status, reason, reason_text";

std::string inList(std::size_t count) {
    return placeholderRows(count, 1);
}

SubscriptionRow subscriptionAt(Poco::Data::RecordSet& rows, std::size_t r) {
    const auto text = [&](std::size_t column) {
        return rows.value(column, r).convert<std::string>();
    };
    SubscriptionRow row;
    Subscription& s = row.subscription;
    s.customerTenantId = text(0);
    s.partnerId = text(1);
    s.id = text(2);
    s.offerId = text(3);
    s.offerName = text(4);
    s.friendlyName = text(5);
    s.productTypeId = text(6);
    s.kind = parseSubscriptionKind(text(7));
    s.quantity = rows.value(8, r).convert<Poco::Int64>();
    s.unitType = text(9);
    s.status = text(10);
    s.billingCycle = text(11);
    s.termDuration = text(12);
    s.creationDate = text(13);
    s.effectiveStartDate = text(14);
    s.commitmentEndDate = text(15);
    s.autoRenewEnabled = rows.value(16, r).convert<int>() != 0;
    s.parentSubscriptionId = text(17);
    s.entitlementId = text(18);
    row.status = parseSubscriptionStatus(text(19));
    row.reason = parseNotImportableReason(text(20));
    row.reasonText = text(21);
    return row;
}

/// The subscriptions of `snapshot`, of `tenantIds` only unless `all`, by row key in saved order.
std::map<PairKey, std::vector<SubscriptionRow>>
readSubscriptions(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, std::int64_t snapshot,
                  std::vector<std::string> tenantIds, bool all) {
    std::map<PairKey, std::vector<SubscriptionRow>> byRow;
    if (!all && tenantIds.empty())
        return byRow;
    Poco::Int64 id = snapshot;
    Poco::Data::Statement select(session);
    select << forDialect(dialect, std::string("SELECT ") + kSubscriptionColumns +
                                      " FROM ict_subscriptions WHERE snapshot_id = ?" +
                                      (all ? "" : " AND tenant_id IN " + inList(tenantIds.size())) +
                                      " ORDER BY tenant_id, reseller_mpn_id, position"),
        use(id);
    if (!all)
        for (std::string& tenant : tenantIds)
            select, use(tenant);
    select.execute();
    Poco::Data::RecordSet rows(select);
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        SubscriptionRow row = subscriptionAt(rows, r);
        byRow[{row.subscription.customerTenantId, row.subscription.partnerId}].push_back(
            std::move(row));
    }
    return byRow;
}

ResellerRow resellerAt(Poco::Data::RecordSet& rows, std::size_t r) {
    ResellerRow reseller;
    reseller.mpnId = rows.value(0, r).convert<std::string>();
    reseller.tenantId = rows.value(1, r).convert<std::string>();
    reseller.name = rows.value(2, r).convert<std::string>();
    reseller.nameSource = parseResellerNameSource(rows.value(3, r).convert<std::string>());
    return reseller;
}

std::vector<ResellerRow> readResellers(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                                       std::int64_t snapshot) {
    Poco::Int64 id = snapshot;
    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT mpn_id, tenant_id, name, name_source FROM ict_resellers"
                                  " WHERE snapshot_id = ? ORDER BY mpn_id"),
        use(id), now;
    Poco::Data::RecordSet rows(select);
    std::vector<ResellerRow> resellers;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        resellers.push_back(resellerAt(rows, r));
    return resellers;
}

/// Rows into a hierarchy: each tenant row under its placement, end customers under their
/// reseller (`keepEmpty`: resellers without rows stay listed).
Hierarchy assemble(std::vector<TenantRow> rows, std::vector<ResellerRow> resellers,
                   bool keepEmpty) {
    Hierarchy hierarchy;
    std::map<std::string, ResellerRow> byMpn;
    for (ResellerRow& reseller : resellers)
        byMpn.emplace(reseller.mpnId, std::move(reseller));
    std::set<std::string> used;
    for (TenantRow& row : rows) {
        switch (row.placement) {
        case TenantPlacement::EndCustomer: {
            ResellerRow& reseller = byMpn[row.resellerMpnId];
            reseller.mpnId = row.resellerMpnId;
            used.insert(row.resellerMpnId);
            reseller.endCustomers.push_back(std::move(row));
            break;
        }
        case TenantPlacement::Unassigned:
            hierarchy.unassignedTenants.push_back(std::move(row));
            break;
        default:
            hierarchy.directTenants.push_back(std::move(row));
        }
    }
    for (auto& [mpnId, reseller] : byMpn)
        if (keepEmpty || used.count(mpnId))
            hierarchy.resellers.push_back(std::move(reseller));
    sortHierarchy(hierarchy);
    return hierarchy;
}

/// Tenant rows of `snapshot` (failures apart), `where` and its `params` appended to the WHERE.
SnapshotPage readTenants(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                         std::int64_t snapshot, const std::string& where,
                         std::vector<std::string> params, const std::string& tail = "") {
    Poco::Int64 id = snapshot;
    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT " + tenantColumns() +
                                      ", fetch_error FROM ict_tenants WHERE snapshot_id = ?" +
                                      where + tail),
        use(id);
    for (std::string& param : params)
        select, use(param);
    select.execute();
    Poco::Data::RecordSet rows(select);
    SnapshotPage page;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        const std::string error = rows.value(kTenantColumnCount, r).convert<std::string>();
        TenantRow row = tenantRowAt(rows, r);
        if (error.empty())
            page.rows.push_back(std::move(row));
        else
            page.failures.push_back({row.tenantId, row.companyName, row.primaryDomain, error});
    }
    return page;
}

std::vector<std::string> distinctTenantIds(const std::vector<TenantRow>& rows) {
    std::vector<std::string> ids;
    for (const TenantRow& row : rows)
        if (ids.empty() || ids.back() != row.tenantId)
            ids.push_back(row.tenantId);
    return ids;
}

void attachSubscriptions(std::vector<TenantRow>& rows,
                         std::map<PairKey, std::vector<SubscriptionRow>>& subscriptions) {
    for (TenantRow& row : rows) {
        auto found = subscriptions.find({row.tenantId, row.resellerMpnId});
        if (found != subscriptions.end())
            row.subscriptions = std::move(found->second);
    }
}

} // namespace

SnapshotReader::SnapshotReader(bss::sdk::Database& database) : _database(database) {}

Hierarchy SnapshotReader::load(std::int64_t snapshot) const {
    Poco::Data::Session session = _database.session();
    const auto dialect = _database.dialect();
    auto subscriptions = readSubscriptions(session, dialect, snapshot, {}, true);
    SnapshotPage page = readTenants(session, dialect, snapshot, "", {});
    attachSubscriptions(page.rows, subscriptions);
    return assemble(std::move(page.rows), readResellers(session, dialect, snapshot), true);
}

Hierarchy SnapshotReader::loadTenants(std::int64_t snapshot,
                                      const std::vector<std::string>& tenantIds) const {
    if (tenantIds.empty())
        return {};
    Poco::Data::Session session = _database.session();
    const auto dialect = _database.dialect();
    SnapshotPage page = readTenants(session, dialect, snapshot,
                                    " AND tenant_id IN " + inList(tenantIds.size()), tenantIds);
    auto subscriptions = readSubscriptions(session, dialect, snapshot, tenantIds, false);
    attachSubscriptions(page.rows, subscriptions);
    return assemble(std::move(page.rows), readResellers(session, dialect, snapshot), false);
}

std::vector<ResellerRow> SnapshotReader::resellers(std::int64_t snapshot) const {
    Poco::Data::Session session = _database.session();
    return readResellers(session, _database.dialect(), snapshot);
}

std::vector<TenantFetchError> SnapshotReader::failures(std::int64_t snapshot) const {
    Poco::Data::Session session = _database.session();
    SnapshotPage page =
        readTenants(session, _database.dialect(), snapshot, " AND fetch_error <> ''", {},
                    " ORDER BY company_name_key, tenant_id");
    return std::move(page.failures);
}

std::size_t SnapshotReader::countRows(std::int64_t snapshot, const PageFilter& filter) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = snapshot, count = 0;
    session << forDialect(_database.dialect(),
                          std::string("SELECT COUNT(*) FROM ict_tenants WHERE snapshot_id = ? AND"
                                      " fetch_error = ''") +
                              (filter.importableOnly ? " AND importable = 1" : "")),
        use(id), into(count), now;
    return static_cast<std::size_t>(count);
}

SnapshotPage SnapshotReader::readPage(std::int64_t snapshot, const std::optional<RowKey>& after,
                                      std::size_t pageSize, const PageFilter& filter,
                                      RowKey& last) const {
    const auto dialect = _database.dialect();
    const std::string limit = " ORDER BY tenant_id, reseller_mpn_id LIMIT " +
                              std::to_string(std::max<std::size_t>(pageSize, 1));
    const std::string only = filter.importableOnly ? " AND importable = 1" : "";
    Poco::Data::Session session = _database.session();
    SnapshotPage page =
        after ? readTenants(session, dialect, snapshot,
                            only + " AND tenant_id >= ? AND (tenant_id > ? OR reseller_mpn_id > ?)",
                            {after->tenantId, after->tenantId, after->resellerMpnId}, limit)
              : readTenants(session, dialect, snapshot, only, {}, limit);
    // The page's last key, over rows and failures alike (both are in key order).
    const auto byKey = [](const RowKey& a, const RowKey& b) {
        return std::tie(a.tenantId, a.resellerMpnId) < std::tie(b.tenantId, b.resellerMpnId);
    };
    if (!page.rows.empty())
        last = {page.rows.back().tenantId, page.rows.back().resellerMpnId};
    if (!page.failures.empty()) {
        const RowKey failure{page.failures.back().tenantId, ""};
        if (page.rows.empty() || byKey(last, failure))
            last = failure;
    }
    auto subscriptions =
        readSubscriptions(session, dialect, snapshot, distinctTenantIds(page.rows), false);
    attachSubscriptions(page.rows, subscriptions);
    return page;
}

void SnapshotReader::forEachPage(std::int64_t snapshot, std::size_t pageSize,
                                 const PageFilter& filter,
                                 const std::function<bool(SnapshotPage&)>& onPage) const {
    std::optional<RowKey> after;
    for (;;) {
        RowKey last;
        SnapshotPage page = readPage(snapshot, after, pageSize, filter, last);
        const std::size_t read = page.rows.size() + page.failures.size();
        if (read == 0 || !onPage(page) || read < pageSize)
            return;
        after = last;
    }
}

} // namespace ict::storage
