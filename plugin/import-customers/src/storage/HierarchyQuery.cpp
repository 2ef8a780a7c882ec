#include "storage/HierarchyQuery.h"

#include "domain/validation/AsciiText.h"
#include "storage/SnapshotReader.h"
#include "storage/SnapshotStore.h"
#include "storage/SqlText.h"
#include "storage/TenantColumns.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <map>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;

/// The text as a LIKE pattern matching itself literally ('\' is the escape character).
std::string likeLiteral(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

struct Where {
    std::string sql;
    std::vector<std::string> params;

    void add(const std::string& condition, const std::string& param) {
        sql += " AND " + condition;
        params.push_back(param);
    }
};

Where whereOf(const TenantQuery& query) {
    Where where;
    if (!query.name.empty())
        where.add("t.company_name_key LIKE ? ESCAPE '\\'",
                  "%" + likeLiteral(asciiLower(query.name)) + "%");
    if (!query.domain.empty())
        where.add("LOWER(t.primary_domain) LIKE ? ESCAPE '\\'",
                  "%" + likeLiteral(asciiLower(query.domain)) + "%");
    if (!query.tenantId.empty())
        where.add("t.tenant_id LIKE ? ESCAPE '\\'", likeLiteral(asciiLower(query.tenantId)) + "%");
    if (query.status == "error")
        where.sql += " AND t.fetch_error <> ''";
    else if (!query.status.empty())
        where.add("t.status = ?", query.status);
    if (!query.placement.empty())
        where.add("t.placement = ?", query.placement);
    if (!query.resellerMpnId.empty())
        where.add("t.reseller_mpn_id = ?", query.resellerMpnId);
    if (!query.subscriptionKind.empty())
        where.add("t.subscription_kinds LIKE ? ESCAPE '\\'",
                  "%," + likeLiteral(query.subscriptionKind) + ",%");
    if (query.importableOnly)
        where.sql += " AND t.importable = 1";
    return where;
}

/// The ORDER BY of a page. Every sort ends with the primary key, so the order is total and pages
/// never overlap; each has an index of the same columns (migration 4) except the reseller name,
/// which lives in ict_resellers.
std::string orderOf(const TenantQuery& query) {
    std::string column;
    switch (query.sort) {
    case TenantSort::Domain:
        column = "t.primary_domain";
        break;
    case TenantSort::TenantId:
        break; // the key alone
    case TenantSort::Status:
        column = "t.status";
        break;
    case TenantSort::Reseller:
        column = "COALESCE(r.name, '')";
        break;
    case TenantSort::Subscriptions:
        column = "t.pc_subscription_count";
        break;
    case TenantSort::Name:
    case TenantSort::Unset:
        column = "t.company_name_key";
        break;
    }
    const std::string direction = query.descending ? " DESC" : " ASC";
    // The key itself for the tenant id sort: a repeated column makes SQLite sort the rows of
    // equal tenant ids instead of reading the primary key in order.
    const std::string key = "t.tenant_id" + direction + ", t.reseller_mpn_id" + direction;
    return " ORDER BY " + (column.empty() ? key : column + direction + ", " + key);
}

const char* const kResellerJoin = " LEFT JOIN ict_resellers r ON r.snapshot_id = t.snapshot_id"
                                  " AND r.mpn_id = t.reseller_mpn_id";

/// The list row at `r` of the page statement's columns (see HierarchyQuery::tenants).
TenantListRow listRowAt(Poco::Data::RecordSet& rows, std::size_t r) {
    TenantListRow item;
    item.row = tenantRowAt(rows, r);
    item.fetchError = rows.value(kTenantColumnCount, r).convert<std::string>();
    item.resellerName = rows.value(kTenantColumnCount + 1, r).convert<std::string>();
    return item;
}

} // namespace

TenantSort parseTenantSort(const std::string& name) {
    if (name == "name")
        return TenantSort::Name;
    if (name == "domain")
        return TenantSort::Domain;
    if (name == "tenantId")
        return TenantSort::TenantId;
    if (name == "status")
        return TenantSort::Status;
    if (name == "reseller")
        return TenantSort::Reseller;
    if (name == "subscriptions")
        return TenantSort::Subscriptions;
    return TenantSort::Unset;
}

TenantCountStatement tenantCountStatement(const TenantQuery& query) {
    Where where = whereOf(query);
    return {"SELECT COUNT(*) FROM ict_tenants t WHERE t.snapshot_id = ?" + where.sql,
            std::move(where.params)};
}

HierarchyQuery::HierarchyQuery(bss::sdk::Database& database) : _database(database) {}

TenantPage HierarchyQuery::tenants(const HierarchyKey& key, const TenantQuery& query) const {
    Poco::Data::Session session = _database.session();
    const auto dialect = _database.dialect();
    TenantPage page;
    const std::optional<std::int64_t> current = currentSnapshot(session, dialect, key);
    if (!current)
        return page;
    Poco::Int64 snapshot = *current;
    Where where = whereOf(query);
    {
        TenantCountStatement statement = tenantCountStatement(query);
        Poco::Data::Statement count(session);
        count << forDialect(dialect, statement.sql), use(snapshot);
        for (std::string& param : statement.params)
            count, use(param);
        Poco::Int64 total = 0;
        count, into(total);
        count.execute();
        page.total = static_cast<std::size_t>(total);
    }
    Poco::Int64 limit = static_cast<Poco::Int64>(std::clamp<std::size_t>(query.limit, 1, 500));
    Poco::Int64 offset = static_cast<Poco::Int64>(query.offset);
    // The page's keys first, from the sort's index alone: a deep offset steps over index entries,
    // not over table rows and reseller joins. Then the rows of those keys, by primary key, in a
    // statement of their own: joined in one statement, PostgreSQL without statistics may re-run
    // the keys' subquery once per tenant row (seconds at 10,000). replaceAll() analyzes the
    // tables, so the planner sees the sort's index as the cheap way to the page's keys.
    Poco::Data::Statement keys(session);
    keys << forDialect(
        dialect, "SELECT t.tenant_id, t.reseller_mpn_id FROM ict_tenants t" +
                     std::string(query.sort == TenantSort::Reseller ? kResellerJoin : "") +
                     " WHERE t.snapshot_id = ?" + where.sql + orderOf(query) + " LIMIT ? OFFSET ?"),
        use(snapshot);
    for (std::string& param : where.params)
        keys, use(param);
    std::vector<std::string> tenantIds, resellerIds;
    keys, use(limit), use(offset), into(tenantIds), into(resellerIds);
    keys.execute();
    if (tenantIds.empty())
        return page;

    std::vector<std::string> distinctIds = tenantIds;
    std::sort(distinctIds.begin(), distinctIds.end());
    distinctIds.erase(std::unique(distinctIds.begin(), distinctIds.end()), distinctIds.end());
    std::string marks;
    for (std::size_t i = 0; i < distinctIds.size(); ++i)
        marks += i ? ", ?" : "?";
    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT " + tenantColumns("t.") +
                                      ", t.fetch_error, COALESCE(r.name, '') AS reseller_name FROM"
                                      " ict_tenants t" +
                                      std::string(kResellerJoin) +
                                      " WHERE t.snapshot_id = ? AND t.tenant_id IN (" + marks +
                                      ")"),
        use(snapshot);
    for (std::string& id : distinctIds)
        select, use(id);
    select.execute();
    Poco::Data::RecordSet rows(select);
    // A tenant id may have rows of other sellers off this page; only the page's pairs are kept,
    // in the page's order.
    std::map<std::pair<std::string, std::string>, TenantListRow> byKey;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        TenantListRow item = listRowAt(rows, r);
        auto pair = std::make_pair(item.row.tenantId, item.row.resellerMpnId);
        byKey.emplace(std::move(pair), std::move(item));
    }
    for (std::size_t i = 0; i < tenantIds.size(); ++i) {
        auto found = byKey.find({tenantIds[i], resellerIds[i]});
        if (found != byKey.end())
            page.rows.push_back(std::move(found->second));
    }
    return page;
}

std::vector<ResellerSummary> HierarchyQuery::resellers(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    const std::optional<std::int64_t> current = currentSnapshot(session, _database.dialect(), key);
    if (!current)
        return {};
    Poco::Int64 snapshot = *current;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT r.mpn_id, r.tenant_id, r.name, r.name_source,"
                         " (SELECT COUNT(*) FROM ict_tenants t WHERE t.snapshot_id = r.snapshot_id"
                         " AND t.reseller_mpn_id = r.mpn_id)"
                         " FROM ict_resellers r WHERE r.snapshot_id = ?"
                         " ORDER BY LOWER(r.name), r.mpn_id"),
        use(snapshot), now;
    Poco::Data::RecordSet rows(select);
    std::vector<ResellerSummary> resellers;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        resellers.push_back(
            {rows.value(0, r).convert<std::string>(), rows.value(1, r).convert<std::string>(),
             rows.value(2, r).convert<std::string>(), rows.value(3, r).convert<std::string>(),
             rows.value(4, r).convert<std::size_t>()});
    return resellers;
}

std::vector<SubscriptionRow> HierarchyQuery::subscriptions(const HierarchyKey& key,
                                                           const std::string& tenantId,
                                                           const std::string& resellerMpnId) const {
    HierarchyRepository repository(_database);
    const Hierarchy hierarchy = repository.loadTenants(key, {tenantId});
    auto pick = [&](const std::vector<TenantRow>& rows) -> const TenantRow* {
        for (const TenantRow& row : rows)
            if (row.resellerMpnId == resellerMpnId)
                return &row;
        return nullptr;
    };
    const TenantRow* found = pick(hierarchy.directTenants);
    if (!found)
        found = pick(hierarchy.unassignedTenants);
    for (const ResellerRow& reseller : hierarchy.resellers)
        if (!found)
            found = pick(reseller.endCustomers);
    return found ? found->subscriptions : std::vector<SubscriptionRow>{};
}

} // namespace ict::storage
