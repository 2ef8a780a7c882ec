#include "storage/HierarchyRepository.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/validation/AsciiText.h"
#include "storage/RelatedAccountsJson.h"
#include "storage/SqlText.h"
#include "storage/TenantColumns.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

/// One ict_tenants row as bound to an INSERT (columns in table order).
struct TenantRecord {
    Poco::Int64 org = 0, instance = 0;
    std::string tenantId, resellerMpnId, placement, companyName, companyNameKey, primaryDomain,
        status, related;
    int needsConfirmation = 0;
    std::string confirmationReason;
    Poco::Int64 idMatched = 0, pcCount = 0, bssCount = 0;
    int importable = 0;
    std::string notImportableReason, kinds, fetchError;
};
/// One ict_subscriptions row as bound to an INSERT (columns in table order).
struct SubscriptionRecord {
    Poco::Int64 org = 0, instance = 0;
    std::string tenantId, resellerMpnId, id, offerId, offerName, friendlyName, productTypeId, kind;
    Poco::Int64 quantity = 0;
    std::string unitType, pcStatus, billingCycle, termDuration, creationDate, effectiveStartDate,
        commitmentEndDate;
    int autoRenew = 0;
    std::string parentSubscriptionId, entitlementId, importStatus, reason, reasonText;
    int position = 0;
};

} // namespace
} // namespace ict::storage

namespace Poco::Data {

/// Binds a whole row, so SQLite can take a vector of rows through one statement compiled once
/// (Poco's SQLite connector compiles a statement again on each execute).
template <> class TypeHandler<ict::storage::TenantRecord> {
public:
    static std::size_t size() { return 19; }
    static void bind(std::size_t pos, const ict::storage::TenantRecord& t,
                     AbstractBinder::Ptr binder, AbstractBinder::Direction dir) {
        TypeHandler<Poco::Int64>::bind(pos++, t.org, binder, dir);
        TypeHandler<Poco::Int64>::bind(pos++, t.instance, binder, dir);
        for (const std::string* text : {&t.tenantId, &t.resellerMpnId, &t.placement, &t.companyName,
                                        &t.companyNameKey, &t.primaryDomain, &t.status, &t.related})
            TypeHandler<std::string>::bind(pos++, *text, binder, dir);
        TypeHandler<int>::bind(pos++, t.needsConfirmation, binder, dir);
        TypeHandler<std::string>::bind(pos++, t.confirmationReason, binder, dir);
        for (const Poco::Int64* number : {&t.idMatched, &t.pcCount, &t.bssCount})
            TypeHandler<Poco::Int64>::bind(pos++, *number, binder, dir);
        TypeHandler<int>::bind(pos++, t.importable, binder, dir);
        for (const std::string* text : {&t.notImportableReason, &t.kinds, &t.fetchError})
            TypeHandler<std::string>::bind(pos++, *text, binder, dir);
    }
    static void prepare(std::size_t, const ict::storage::TenantRecord&, AbstractPreparator::Ptr) {}
    static void extract(std::size_t, ict::storage::TenantRecord&, const ict::storage::TenantRecord&,
                        AbstractExtractor::Ptr) {}
};

template <> class TypeHandler<ict::storage::SubscriptionRecord> {
public:
    static std::size_t size() { return 25; }
    static void bind(std::size_t pos, const ict::storage::SubscriptionRecord& s,
                     AbstractBinder::Ptr binder, AbstractBinder::Direction dir) {
        TypeHandler<Poco::Int64>::bind(pos++, s.org, binder, dir);
        TypeHandler<Poco::Int64>::bind(pos++, s.instance, binder, dir);
        for (const std::string* text : {&s.tenantId, &s.resellerMpnId, &s.id, &s.offerId,
                                        &s.offerName, &s.friendlyName, &s.productTypeId, &s.kind})
            TypeHandler<std::string>::bind(pos++, *text, binder, dir);
        TypeHandler<Poco::Int64>::bind(pos++, s.quantity, binder, dir);
        for (const std::string* text :
             {&s.unitType, &s.pcStatus, &s.billingCycle, &s.termDuration, &s.creationDate,
              &s.effectiveStartDate, &s.commitmentEndDate})
            TypeHandler<std::string>::bind(pos++, *text, binder, dir);
        TypeHandler<int>::bind(pos++, s.autoRenew, binder, dir);
        for (const std::string* text :
             {&s.parentSubscriptionId, &s.entitlementId, &s.importStatus, &s.reason, &s.reasonText})
            TypeHandler<std::string>::bind(pos++, *text, binder, dir);
        TypeHandler<int>::bind(pos++, s.position, binder, dir);
    }
    static void prepare(std::size_t, const ict::storage::SubscriptionRecord&,
                        AbstractPreparator::Ptr) {}
    static void extract(std::size_t, ict::storage::SubscriptionRecord&,
                        const ict::storage::SubscriptionRecord&, AbstractExtractor::Ptr) {}
};

} // namespace Poco::Data

namespace ict::storage {
namespace {

using namespace ict::domain;

std::string kindsOf(const TenantRow& row) {
    std::set<std::string> kinds;
    for (const SubscriptionRow& sub : row.subscriptions)
        kinds.insert(subscriptionKindName(sub.subscription.kind));
    std::string joined = ",";
    for (const std::string& kind : kinds)
        joined += kind + ",";
    return joined;
}

/// PostgreSQL: rows per INSERT statement: a save of 60,000 subscriptions would otherwise be
/// 60,000 round trips to the database, which bounds a mass Get Hierarchy once Partner Center is
/// read (2,500 parameters per statement stays well under PostgreSQL's limit).
constexpr std::size_t kRowsPerInsert = 100;
/// SQLite (in process, no round trips): rows bound one after the other to a one-row INSERT
/// compiled once per batch. Poco compiles a statement again on each execute, and compiling the
/// 100-row statements was a fifth of the save's time.
constexpr std::size_t kRowsPerSqliteBatch = 500;

std::string multiRowInsert(const char* table, int columns, std::size_t rows) {
    std::string row = "(?";
    for (int i = 1; i < columns; ++i)
        row += ", ?";
    row += ")";
    std::string sql = std::string("INSERT INTO ") + table + " VALUES ";
    for (std::size_t r = 0; r < rows; ++r)
        sql += (r == 0 ? "" : ", ") + row;
    return sql;
}

/// Writes tenant, subscription and reseller rows. Tenant and subscription rows are buffered and
/// written kRowsPerInsert at a time through statements prepared once per save; flush() writes
/// the rest (tenants before subscriptions).
class RowWriter {
public:
    RowWriter(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const HierarchyKey& key)
        : _session(session), _dialect(dialect), _org(key.organizationId), _instance(key.instanceId),
          _rowAtATime(dialect == bss::sdk::SqlDialect::SQLite),
          _rowsPerFlush(_rowAtATime ? kRowsPerSqliteBatch : kRowsPerInsert),
          _tenants(_rowsPerFlush), _subscriptions(_rowsPerFlush),
          _tenantChunk(_rowAtATime ? Poco::Data::Statement(session)
                                   : tenantStatement(_rowsPerFlush)),
          _subscriptionChunk(_rowAtATime ? Poco::Data::Statement(session)
                                         : subscriptionStatement(_rowsPerFlush)),
          _reseller(session) {
        _reseller << forDialect(dialect, "INSERT INTO ict_resellers VALUES (?, ?, ?, ?, ?, ?)"),
            use(_org), use(_instance), use(_r.mpnId), use(_r.tenantId), use(_r.name),
            use(_r.nameSource);
    }

    void tenant(const TenantRow& row) {
        TenantRecord& t = nextTenant();
        t.org = _org;
        t.instance = _instance;
        t.tenantId = row.tenantId;
        t.resellerMpnId = row.resellerMpnId;
        t.placement = tenantPlacementName(row.placement);
        t.companyName = row.companyName;
        t.companyNameKey = asciiLower(row.companyName);
        t.primaryDomain = row.primaryDomain;
        t.status = tenantStatusName(row.status);
        t.related = relatedAccountsToJson(row.relatedAccounts);
        t.needsConfirmation = row.needsConfirmation ? 1 : 0;
        t.confirmationReason = row.confirmationReason;
        t.idMatched = row.idMatchedAccountId;
        t.pcCount = row.partnerCenterSubscriptionCount;
        t.bssCount = row.bssSubscriptionCount;
        t.importable = row.importable ? 1 : 0;
        t.notImportableReason = row.notImportableReason;
        t.kinds = kindsOf(row);
        t.fetchError.clear();
        int position = 0;
        for (const SubscriptionRow& sub : row.subscriptions)
            subscription(row, sub, position++);
    }

    void failure(const TenantFetchError& failure) {
        TenantRecord& t = nextTenant();
        t = TenantRecord{};
        t.org = _org;
        t.instance = _instance;
        t.tenantId = failure.tenantId;
        t.placement = tenantPlacementName(TenantPlacement::Unset);
        t.companyName = failure.companyName;
        t.companyNameKey = asciiLower(failure.companyName);
        t.primaryDomain = failure.primaryDomain;
        t.status = tenantStatusName(TenantStatus::Unset);
        t.related = "[]";
        t.notImportableReason = "Partner Center could not be read for this tenant.";
        t.kinds = ",";
        t.fetchError = failure.message;
    }

    void reseller(const ResellerRow& row) {
        _r.mpnId = row.mpnId;
        _r.tenantId = row.tenantId;
        _r.name = row.name;
        _r.nameSource = resellerNameSourceName(row.nameSource);
        _reseller.execute();
    }

    /// Writes the buffered rows. Call before the transaction commits.
    void flush() {
        flushTenants();
        flushSubscriptions();
    }

private:
    TenantRecord& nextTenant() {
        if (_tenantCount == _rowsPerFlush)
            flushTenants();
        return _tenants[_tenantCount++];
    }

    SubscriptionRecord& nextSubscription() {
        if (_subscriptionCount == _rowsPerFlush) {
            flushTenants(); // a subscription row is never written before its tenant row
            flushSubscriptions();
        }
        return _subscriptions[_subscriptionCount++];
    }

    void flushTenants() {
        if (_rowAtATime) {
            flushRows(_tenants, _tenantCount, "ict_tenants", 19);
        } else if (_tenantCount == _rowsPerFlush) {
            _tenantChunk.execute();
        } else if (_tenantCount > 0) {
            Poco::Data::Statement rest = tenantStatement(_tenantCount);
            rest.execute();
        }
        _tenantCount = 0;
    }

    void flushSubscriptions() {
        if (_rowAtATime) {
            flushRows(_subscriptions, _subscriptionCount, "ict_subscriptions", 25);
        } else if (_subscriptionCount == _rowsPerFlush) {
            _subscriptionChunk.execute();
        } else if (_subscriptionCount > 0) {
            Poco::Data::Statement rest = subscriptionStatement(_subscriptionCount);
            rest.execute();
        }
        _subscriptionCount = 0;
    }

    /// SQLite: the first `count` records through a one-row INSERT, one row after the other.
    template <typename Record>
    void flushRows(std::vector<Record>& records, std::size_t count, const char* table,
                   int columns) {
        if (count == 0)
            return;
        records.resize(count); // the binding takes every element; only the last batch is short
        Poco::Data::Statement statement(_session);
        statement << forDialect(_dialect, multiRowInsert(table, columns, 1)), use(records);
        statement.execute();
        records.resize(_rowsPerFlush);
    }

    /// An INSERT of the first `rows` buffered tenant records (bound by reference).
    Poco::Data::Statement tenantStatement(std::size_t rows) {
        Poco::Data::Statement statement(_session);
        statement << forDialect(_dialect, multiRowInsert("ict_tenants", 19, rows));
        for (std::size_t i = 0; i < rows; ++i) {
            TenantRecord& t = _tenants[i];
            statement, use(_org), use(_instance), use(t.tenantId), use(t.resellerMpnId),
                use(t.placement), use(t.companyName), use(t.companyNameKey), use(t.primaryDomain),
                use(t.status), use(t.related), use(t.needsConfirmation), use(t.confirmationReason),
                use(t.idMatched), use(t.pcCount), use(t.bssCount), use(t.importable),
                use(t.notImportableReason), use(t.kinds), use(t.fetchError);
        }
        return statement;
    }

    /// An INSERT of the first `rows` buffered subscription records (bound by reference).
    Poco::Data::Statement subscriptionStatement(std::size_t rows) {
        Poco::Data::Statement statement(_session);
        statement << forDialect(_dialect, multiRowInsert("ict_subscriptions", 25, rows));
        for (std::size_t i = 0; i < rows; ++i) {
            SubscriptionRecord& s = _subscriptions[i];
            statement, use(_org), use(_instance), use(s.tenantId), use(s.resellerMpnId), use(s.id),
                use(s.offerId), use(s.offerName), use(s.friendlyName), use(s.productTypeId),
                use(s.kind), use(s.quantity), use(s.unitType), use(s.pcStatus), use(s.billingCycle),
                use(s.termDuration), use(s.creationDate), use(s.effectiveStartDate),
                use(s.commitmentEndDate), use(s.autoRenew), use(s.parentSubscriptionId),
                use(s.entitlementId), use(s.importStatus), use(s.reason), use(s.reasonText),
                use(s.position);
        }
        return statement;
    }

    void subscription(const TenantRow& row, const SubscriptionRow& sub, int position) {
        const Subscription& from = sub.subscription;
        SubscriptionRecord& s = nextSubscription();
        s.org = _org;
        s.instance = _instance;
        s.tenantId = row.tenantId;
        s.resellerMpnId = row.resellerMpnId;
        s.id = from.id;
        s.offerId = from.offerId;
        s.offerName = from.offerName;
        s.friendlyName = from.friendlyName;
        s.productTypeId = from.productTypeId;
        s.kind = subscriptionKindName(from.kind);
        s.quantity = from.quantity;
        s.unitType = from.unitType;
        s.pcStatus = from.status;
        s.billingCycle = from.billingCycle;
        s.termDuration = from.termDuration;
        s.creationDate = from.creationDate;
        s.effectiveStartDate = from.effectiveStartDate;
        s.commitmentEndDate = from.commitmentEndDate;
        s.autoRenew = from.autoRenewEnabled ? 1 : 0;
        s.parentSubscriptionId = from.parentSubscriptionId;
        s.entitlementId = from.entitlementId;
        s.importStatus = subscriptionStatusName(sub.status);
        s.reason = notImportableReasonName(sub.reason);
        s.reasonText = sub.reasonText;
        s.position = position;
    }

    Poco::Data::Session& _session;
    bss::sdk::SqlDialect _dialect;
    Poco::Int64 _org;
    Poco::Int64 _instance;
    bool _rowAtATime;          ///< SQLite: see kRowsPerSqliteBatch.
    std::size_t _rowsPerFlush; ///< Record slots.
    /// PostgreSQL: never resized (the chunk statements bind the slots by reference).
    std::vector<TenantRecord> _tenants;
    std::vector<SubscriptionRecord> _subscriptions;
    std::size_t _tenantCount = 0;
    std::size_t _subscriptionCount = 0;
    struct ResellerRecord {
        std::string mpnId, tenantId, name, nameSource;
    } _r;
    Poco::Data::Statement _tenantChunk;
    Poco::Data::Statement _subscriptionChunk;
    Poco::Data::Statement _reseller;
};

void writeHierarchy(RowWriter& writer, const Hierarchy& hierarchy,
                    const std::vector<TenantFetchError>& failures) {
    std::vector<const TenantRow*> rows;
    for (const TenantRow& row : hierarchy.directTenants)
        rows.push_back(&row);
    for (const TenantRow& row : hierarchy.unassignedTenants)
        rows.push_back(&row);
    for (const ResellerRow& reseller : hierarchy.resellers)
        for (const TenantRow& row : reseller.endCustomers)
            rows.push_back(&row);
    // In primary-key order: the indexes' b-trees are appended to instead of split at random
    // places (the hierarchy's own order is by company name, random in tenant id).
    std::sort(rows.begin(), rows.end(), [](const TenantRow* a, const TenantRow* b) {
        return std::tie(a->tenantId, a->resellerMpnId) < std::tie(b->tenantId, b->resellerMpnId);
    });
    for (const TenantRow* row : rows)
        writer.tenant(*row);
    for (const TenantFetchError& failure : failures)
        writer.failure(failure);
    writer.flush();
}

void saveState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const HierarchyKey& key,
               const SaveStamp& stamp) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string run = stamp.runId, saved = stamp.savedAt;
    int existing = 0;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_instance_state"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        into(existing), use(org), use(instance), now;
    if (existing == 0) {
        session << forDialect(dialect, "INSERT INTO ict_instance_state (organization_id,"
                                       " instance_id, saved_at, last_run_id) VALUES (?, ?, ?, ?)"),
            use(org), use(instance), use(saved), use(run), now;
    }
    session << forDialect(dialect, "UPDATE ict_instance_state SET saved_at = ?, last_run_id = ?"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(saved), use(run), use(org), use(instance), now;
    if (stamp.massUpdateAt) {
        std::string mass = *stamp.massUpdateAt;
        session << forDialect(dialect, "UPDATE ict_instance_state SET last_mass_update_at = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(mass), use(org), use(instance), now;
    }
    if (stamp.changesCoveredUntil) {
        std::string covered = *stamp.changesCoveredUntil;
        session << forDialect(dialect, "UPDATE ict_instance_state SET changes_covered_until = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(covered), use(org), use(instance), now;
    }
}

std::string inList(std::size_t count) {
    std::string list = "(";
    for (std::size_t i = 0; i < count; ++i)
        list += i == 0 ? "?" : ", ?";
    return list + ")";
}

/// First statement of every transaction that rewrites an instance's saved hierarchy: locks its
/// state row, so two writers (two hosts, or an import's status refresh beside a Get Hierarchy)
/// take turns instead of both deleting and then both inserting the same rows (PostgreSQL: row
/// lock until commit; SQLite: the write lock is taken at once, never upgraded from a read lock).
void lockInstanceState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                       const HierarchyKey& key) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    session << forDialect(dialect, "UPDATE ict_instance_state SET last_run_id = last_run_id"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
}

} // namespace

HierarchyRepository::HierarchyRepository(bss::sdk::Database& database) : _database(database) {}

void HierarchyRepository::replaceAll(const HierarchyKey& key, const Hierarchy& hierarchy,
                                     const std::vector<TenantFetchError>& failures,
                                     const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    lockInstanceState(session, dialect, key);
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    for (const char* table : {"ict_subscriptions", "ict_tenants", "ict_resellers"})
        session << forDialect(dialect, std::string("DELETE FROM ") + table +
                                           " WHERE organization_id = ? AND instance_id = ?"),
            use(org), use(instance), now;
    RowWriter writer(session, dialect, key);
    for (const ResellerRow& reseller : hierarchy.resellers)
        writer.reseller(reseller);
    writeHierarchy(writer, hierarchy, failures);
    saveState(session, dialect, key, stamp);
    // A whole instance was rewritten: without fresh statistics (autovacuum takes up to a minute)
    // PostgreSQL's planner cannot tell the tenant list's sort indexes apart and may sort all the
    // instance's rows for each page. ANALYZE is transactional, so it commits with the rows.
    if (dialect == bss::sdk::SqlDialect::PostgreSQL)
        for (const char* table : {"ict_tenants", "ict_resellers"})
            session << std::string("ANALYZE ") + table, now;
    transaction.commit();
}

void HierarchyRepository::replaceTenants(const HierarchyKey& key,
                                         const std::vector<std::string>& tenantIds,
                                         const Hierarchy& hierarchy,
                                         const std::vector<TenantFetchError>& failures,
                                         const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    lockInstanceState(session, dialect, key);
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    for (std::string tenantId : tenantIds) {
        for (const char* table : {"ict_subscriptions", "ict_tenants"})
            session << forDialect(dialect, std::string("DELETE FROM ") + table +
                                               " WHERE organization_id = ? AND instance_id = ?"
                                               " AND tenant_id = ?"),
                use(org), use(instance), use(tenantId), now;
    }
    for (const ResellerRow& reseller : hierarchy.resellers) {
        std::string mpnId = reseller.mpnId;
        session << forDialect(dialect, "DELETE FROM ict_resellers WHERE organization_id = ? AND"
                                       " instance_id = ? AND mpn_id = ?"),
            use(org), use(instance), use(mpnId), now;
    }
    RowWriter writer(session, dialect, key);
    for (const ResellerRow& reseller : hierarchy.resellers)
        writer.reseller(reseller);
    writeHierarchy(writer, hierarchy, failures);
    saveState(session, dialect, key, stamp);
    transaction.commit();
}

namespace {

Hierarchy readHierarchy(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                        const HierarchyKey& key, const std::vector<std::string>& tenantIds,
                        bool onlyTenants) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::vector<std::string> ids = tenantIds;
    const std::string tenantFilter =
        onlyTenants ? " AND tenant_id IN " + inList(ids.size()) : std::string();
    Hierarchy hierarchy;
    if (onlyTenants && ids.empty())
        return hierarchy;

    std::map<std::pair<std::string, std::string>, std::vector<SubscriptionRow>> subscriptions;
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT tenant_id, reseller_mpn_id, subscription_id,"
                                      " offer_id, offer_name, friendly_name, product_type_id, kind,"
                                      " quantity, unit_type, pc_status, billing_cycle,"
                                      " term_duration, creation_date, effective_start_date,"
                                      " commitment_end_date, auto_renew, parent_subscription_id,"
                                      " entitlement_id, import_status, reason, reason_text"
                                      " FROM ict_subscriptions WHERE organization_id = ? AND"
                                      " instance_id = ?" +
                                          tenantFilter +
                                          " ORDER BY tenant_id, reseller_mpn_id, position"),
            use(org), use(instance);
        for (std::string& id : ids)
            select, use(id);
        select.execute();
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            SubscriptionRow row;
            Subscription& s = row.subscription;
            s.customerTenantId = rows.value(0, r).convert<std::string>();
            const std::string mpn = rows.value(1, r).convert<std::string>();
            s.id = rows.value(2, r).convert<std::string>();
            s.offerId = rows.value(3, r).convert<std::string>();
            s.offerName = rows.value(4, r).convert<std::string>();
            s.friendlyName = rows.value(5, r).convert<std::string>();
            s.productTypeId = rows.value(6, r).convert<std::string>();
            s.kind = parseSubscriptionKind(rows.value(7, r).convert<std::string>());
            s.quantity = rows.value(8, r).convert<Poco::Int64>();
            s.unitType = rows.value(9, r).convert<std::string>();
            s.status = rows.value(10, r).convert<std::string>();
            s.billingCycle = rows.value(11, r).convert<std::string>();
            s.termDuration = rows.value(12, r).convert<std::string>();
            s.creationDate = rows.value(13, r).convert<std::string>();
            s.effectiveStartDate = rows.value(14, r).convert<std::string>();
            s.commitmentEndDate = rows.value(15, r).convert<std::string>();
            s.autoRenewEnabled = rows.value(16, r).convert<int>() != 0;
            s.parentSubscriptionId = rows.value(17, r).convert<std::string>();
            s.entitlementId = rows.value(18, r).convert<std::string>();
            s.partnerId = mpn;
            row.status = parseSubscriptionStatus(rows.value(19, r).convert<std::string>());
            row.reason = parseNotImportableReason(rows.value(20, r).convert<std::string>());
            row.reasonText = rows.value(21, r).convert<std::string>();
            subscriptions[{s.customerTenantId, mpn}].push_back(std::move(row));
        }
    }

    std::map<std::string, ResellerRow> resellers;
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT mpn_id, tenant_id, name, name_source FROM"
                                      " ict_resellers WHERE organization_id = ? AND"
                                      " instance_id = ?"),
            use(org), use(instance), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            ResellerRow reseller;
            reseller.mpnId = rows.value(0, r).convert<std::string>();
            reseller.tenantId = rows.value(1, r).convert<std::string>();
            reseller.name = rows.value(2, r).convert<std::string>();
            reseller.nameSource = parseResellerNameSource(rows.value(3, r).convert<std::string>());
            resellers.emplace(reseller.mpnId, std::move(reseller));
        }
    }

    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT " + tenantColumns() +
                                      " FROM ict_tenants WHERE organization_id = ? AND"
                                      " instance_id = ? AND fetch_error = ''" +
                                      tenantFilter),
        use(org), use(instance);
    for (std::string& id : ids)
        select, use(id);
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::set<std::string> usedResellers;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        TenantRow row = tenantRowAt(rows, r);
        auto found = subscriptions.find({row.tenantId, row.resellerMpnId});
        if (found != subscriptions.end())
            row.subscriptions = std::move(found->second);
        switch (row.placement) {
        case TenantPlacement::EndCustomer: {
            ResellerRow& reseller = resellers[row.resellerMpnId];
            reseller.mpnId = row.resellerMpnId;
            usedResellers.insert(row.resellerMpnId);
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
    for (auto& [mpnId, reseller] : resellers)
        if (!onlyTenants || usedResellers.count(mpnId))
            hierarchy.resellers.push_back(std::move(reseller));
    sortHierarchy(hierarchy);
    return hierarchy;
}

} // namespace

Hierarchy HierarchyRepository::load(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    return readHierarchy(session, _database.dialect(), key, {}, false);
}

Hierarchy HierarchyRepository::loadTenants(const HierarchyKey& key,
                                           const std::vector<std::string>& tenantIds) const {
    Poco::Data::Session session = _database.session();
    return readHierarchy(session, _database.dialect(), key, tenantIds, true);
}

std::optional<InstanceState> HierarchyRepository::state(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT last_mass_update_at, saved_at, last_run_id,"
                         " changes_covered_until FROM"
                         " ict_instance_state WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    InstanceState state;
    if (!rows.value(0, 0).isEmpty())
        state.lastMassUpdateAt = rows.value(0, 0).convert<std::string>();
    state.savedAt = rows.value(1, 0).convert<std::string>();
    state.lastRunId = rows.value(2, 0).convert<std::string>();
    if (!rows.value(3, 0).isEmpty())
        state.changesCoveredUntil = rows.value(3, 0).convert<std::string>();
    return state;
}

std::vector<TenantFetchError> HierarchyRepository::fetchErrors(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT tenant_id, company_name, primary_domain, fetch_error FROM"
                         " ict_tenants WHERE organization_id = ? AND instance_id = ? AND"
                         " fetch_error <> '' ORDER BY company_name_key, tenant_id"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    std::vector<TenantFetchError> errors;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        errors.push_back(
            {rows.value(0, r).convert<std::string>(), rows.value(1, r).convert<std::string>(),
             rows.value(2, r).convert<std::string>(), rows.value(3, r).convert<std::string>()});
    return errors;
}

} // namespace ict::storage
