#include "storage/SnapshotWriter.h"

#include "storage/SnapshotRowWriter.h"
#include "storage/SqlText.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {

SnapshotWriter::SnapshotWriter(bss::sdk::Database& database, std::int64_t snapshot)
    : _database(database), _snapshot(snapshot) {}

void SnapshotWriter::write(const std::vector<domain::TenantRow>& rows,
                           const std::vector<TenantFetchError>& failures) {
    if (rows.empty() && failures.empty())
        return;
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    SnapshotRowWriter writer(session, _database.dialect(), _snapshot);
    std::vector<const domain::TenantRow*> pointers;
    pointers.reserve(rows.size());
    for (const domain::TenantRow& row : rows)
        pointers.push_back(&row);
    writer.write(std::move(pointers), failures);
    writer.flush();
    transaction.commit();
}

void SnapshotWriter::writeResellers(const std::vector<domain::ResellerRow>& resellers) {
    if (resellers.empty())
        return;
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    SnapshotRowWriter writer(session, dialect, _snapshot);
    Poco::Int64 id = _snapshot;
    for (const domain::ResellerRow& reseller : resellers) {
        std::string mpnId = reseller.mpnId;
        session << forDialect(dialect,
                              "DELETE FROM ict_resellers WHERE snapshot_id = ? AND mpn_id = ?"),
            use(id), use(mpnId), now;
        writer.reseller(reseller);
    }
    transaction.commit();
}

SnapshotCounts countSnapshot(bss::sdk::Database& database, std::int64_t snapshot) {
    Poco::Data::Session session = database.session();
    const auto dialect = database.dialect();
    Poco::Int64 id = snapshot;
    SnapshotCounts counts;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_tenants WHERE snapshot_id = ? AND"
                                   " fetch_error = ''"),
        use(id), into(counts.tenantRows), now;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_tenants WHERE snapshot_id = ? AND"
                                   " fetch_error <> ''"),
        use(id), into(counts.failures), now;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_subscriptions WHERE snapshot_id = ?"),
        use(id), into(counts.subscriptions), now;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_resellers WHERE snapshot_id = ?"),
        use(id), into(counts.resellers), now;
    return counts;
}

} // namespace ict::storage
