#include "storage/SnapshotRowWriter.h"

#include "domain/validation/AsciiText.h"
#include "storage/RelatedAccountsJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <set>
#include <tuple>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

/// One ict_tenants row as bound to an INSERT (columns in table order).
struct TenantRecord {
    Poco::Int64 snapshot = 0;
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
    Poco::Int64 snapshot = 0;
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
    static std::size_t size() { return 18; }
    static void bind(std::size_t pos, const ict::storage::TenantRecord& t,
                     AbstractBinder::Ptr binder, AbstractBinder::Direction dir) {
        TypeHandler<Poco::Int64>::bind(pos++, t.snapshot, binder, dir);
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
    static std::size_t size() { return 24; }
    static void bind(std::size_t pos, const ict::storage::SubscriptionRecord& s,
                     AbstractBinder::Ptr binder, AbstractBinder::Direction dir) {
        TypeHandler<Poco::Int64>::bind(pos++, s.snapshot, binder, dir);
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

/// Tenant ids per look-up of the rows a snapshot already has: well under every database's
/// parameter limit.
constexpr std::size_t kIdsPerLookup = 500;

/// A tenant row's primary key within its snapshot: (tenant id, reseller mpn id).
using TenantRowKey = std::pair<std::string, std::string>;

std::string multiRowInsert(const char* table, int columns, std::size_t rows) {
    std::string row = "(?";
    for (int i = 1; i < columns; ++i)
        row += ", ?";
    row += ")";
    std::string sql = std::string("INSERT INTO ") + table + " VALUES ";
    for (std::size_t r = 0; r < rows; ++r)
        sql += (r == 0 ? "" : ", ") + row;
    // A tenant listed twice by Partner Center is written once: the first row stays.
    return sql + " ON CONFLICT DO NOTHING";
}

} // namespace

/// Tenant and subscription rows are buffered and written kRowsPerInsert at a time through
/// statements prepared once per writer; flush() writes the rest (tenants before subscriptions).
class SnapshotRowWriter::Rows {
public:
    Rows(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, std::int64_t snapshotId)
        : _session(session), _dialect(dialect), _snapshot(snapshotId),
          _rowAtATime(dialect == bss::sdk::SqlDialect::SQLite),
          _rowsPerFlush(_rowAtATime ? kRowsPerSqliteBatch : kRowsPerInsert),
          _tenants(_rowsPerFlush), _subscriptions(_rowsPerFlush),
          _tenantChunk(_rowAtATime ? Poco::Data::Statement(session)
                                   : tenantStatement(_rowsPerFlush)),
          _subscriptionChunk(_rowAtATime ? Poco::Data::Statement(session)
                                         : subscriptionStatement(_rowsPerFlush)),
          _reseller(session) {
        _reseller << forDialect(dialect, "INSERT INTO ict_resellers VALUES (?, ?, ?, ?, ?)"),
            use(_snapshot), use(_r.mpnId), use(_r.tenantId), use(_r.name), use(_r.nameSource);
    }

    void tenant(const TenantRow& row) {
        TenantRecord& t = nextTenant();
        t.snapshot = _snapshot;
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
        t.snapshot = _snapshot;
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

    /// Takes `key` for a row of this writer: false when the snapshot, or a row written through
    /// this writer before, already has it.
    bool take(const TenantRowKey& key) { return _taken.insert(key).second; }

    /// Marks as taken every key of `tenantIds`' rows already in the snapshot.
    void takeSaved(std::vector<std::string> tenantIds) {
        // SQLite: a transaction that reads before it writes fails at once with "database is
        // locked" when another connection commits in between (WAL); a write first waits for the
        // write lock instead (a no-op when the caller's transaction already wrote).
        if (_dialect == bss::sdk::SqlDialect::SQLite && !_writeLocked) {
            _session << forDialect(_dialect, "UPDATE ict_snapshots SET state = state WHERE id = ?"),
                use(_snapshot), now;
            _writeLocked = true;
        }
        std::sort(tenantIds.begin(), tenantIds.end());
        tenantIds.erase(std::unique(tenantIds.begin(), tenantIds.end()), tenantIds.end());
        for (std::size_t begin = 0; begin < tenantIds.size(); begin += kIdsPerLookup) {
            const std::size_t end = std::min(tenantIds.size(), begin + kIdsPerLookup);
            Poco::Data::Statement select(_session);
            select << forDialect(_dialect, "SELECT tenant_id, reseller_mpn_id FROM ict_tenants"
                                           " WHERE snapshot_id = ? AND tenant_id IN " +
                                               placeholderRows(end - begin, 1)),
                use(_snapshot);
            for (std::size_t i = begin; i < end; ++i)
                select, useRef(tenantIds[i]);
            select.execute();
            Poco::Data::RecordSet saved(select);
            for (std::size_t r = 0; r < saved.rowCount(); ++r)
                _taken.insert({saved.value(0, r).convert<std::string>(),
                               saved.value(1, r).convert<std::string>()});
        }
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
            flushRows(_tenants, _tenantCount, "ict_tenants", 18);
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
            flushRows(_subscriptions, _subscriptionCount, "ict_subscriptions", 24);
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
        statement << forDialect(_dialect, multiRowInsert("ict_tenants", 18, rows));
        for (std::size_t i = 0; i < rows; ++i) {
            TenantRecord& t = _tenants[i];
            statement, use(_snapshot), use(t.tenantId), use(t.resellerMpnId), use(t.placement),
                use(t.companyName), use(t.companyNameKey), use(t.primaryDomain), use(t.status),
                use(t.related), use(t.needsConfirmation), use(t.confirmationReason),
                use(t.idMatched), use(t.pcCount), use(t.bssCount), use(t.importable),
                use(t.notImportableReason), use(t.kinds), use(t.fetchError);
        }
        return statement;
    }

    /// An INSERT of the first `rows` buffered subscription records (bound by reference).
    Poco::Data::Statement subscriptionStatement(std::size_t rows) {
        Poco::Data::Statement statement(_session);
        statement << forDialect(_dialect, multiRowInsert("ict_subscriptions", 24, rows));
        for (std::size_t i = 0; i < rows; ++i) {
            SubscriptionRecord& s = _subscriptions[i];
            statement, use(_snapshot), use(s.tenantId), use(s.resellerMpnId), use(s.id),
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
        s.snapshot = _snapshot;
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
    Poco::Int64 _snapshot;
    bool _rowAtATime;          ///< SQLite: see kRowsPerSqliteBatch.
    std::size_t _rowsPerFlush; ///< Record slots.
    /// PostgreSQL: never resized (the chunk statements bind the slots by reference).
    std::vector<TenantRecord> _tenants;
    std::vector<SubscriptionRecord> _subscriptions;
    std::size_t _tenantCount = 0;
    std::size_t _subscriptionCount = 0;
    std::set<TenantRowKey> _taken; ///< Keys of rows in the snapshot or buffered by this writer.
    bool _writeLocked = false;     ///< SQLite: this writer took the write lock.
    struct ResellerRecord {
        std::string mpnId, tenantId, name, nameSource;
    } _r;
    Poco::Data::Statement _tenantChunk;
    Poco::Data::Statement _subscriptionChunk;
    Poco::Data::Statement _reseller;
};

SnapshotRowWriter::SnapshotRowWriter(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                                     std::int64_t snapshotId)
    : _rows(std::make_unique<Rows>(session, dialect, snapshotId)) {}

SnapshotRowWriter::~SnapshotRowWriter() = default;

void SnapshotRowWriter::write(std::vector<const domain::TenantRow*> rows,
                              const std::vector<TenantFetchError>& failures) {
    // In primary-key order: the indexes' b-trees are appended to instead of split at random
    // places (a hierarchy's own order is by company name, random in tenant id). Stable, so of
    // two rows with one key the one handed in first is written.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const domain::TenantRow* a, const domain::TenantRow* b) {
                         return std::tie(a->tenantId, a->resellerMpnId) <
                                std::tie(b->tenantId, b->resellerMpnId);
                     });
    // A row whose key is taken is dropped here with its subscriptions: the INSERT's ON CONFLICT
    // alone would drop the row but add its subscriptions to the kept one.
    std::vector<std::string> tenantIds;
    tenantIds.reserve(rows.size() + failures.size());
    for (const domain::TenantRow* row : rows)
        tenantIds.push_back(row->tenantId);
    for (const TenantFetchError& failure : failures)
        tenantIds.push_back(failure.tenantId);
    _rows->takeSaved(std::move(tenantIds));
    for (const domain::TenantRow* row : rows)
        if (_rows->take({row->tenantId, row->resellerMpnId}))
            _rows->tenant(*row);
    for (const TenantFetchError& failure : failures)
        if (_rows->take({failure.tenantId, ""}))
            _rows->failure(failure);
}

void SnapshotRowWriter::reseller(const domain::ResellerRow& row) {
    _rows->reseller(row);
}

void SnapshotRowWriter::flush() {
    _rows->flush();
}

} // namespace ict::storage
