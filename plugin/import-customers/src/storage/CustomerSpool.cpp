#include "storage/CustomerSpool.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {

CustomerSpool::CustomerSpool(bss::sdk::Database& database, std::int64_t snapshot)
    : _database(database), _snapshot(snapshot) {}

void CustomerSpool::append(const std::vector<domain::Customer>& page) {
    if (page.empty())
        return;
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    Poco::Data::Statement insert(session);
    insert << forDialect(dialect, "INSERT INTO ict_crawl_customers (snapshot_id, position,"
                                  " tenant_id, company_name, primary_domain, relationship,"
                                  " associated_partner_id) VALUES " +
                                      placeholderRows(7, page.size()));
    std::vector<Poco::Int64> positions;
    positions.reserve(page.size());
    for (std::size_t i = 0; i < page.size(); ++i)
        positions.push_back(_size + static_cast<Poco::Int64>(i));
    Poco::Int64 snapshot = _snapshot;
    for (std::size_t i = 0; i < page.size(); ++i) {
        const domain::Customer& c = page[i];
        insert, use(snapshot), use(positions[i]), useRef(c.tenantId), useRef(c.companyName),
            useRef(c.primaryDomain), useRef(c.relationshipToPartner), useRef(c.associatedPartnerId);
    }
    insert.execute();
    transaction.commit();
    _size += static_cast<std::int64_t>(page.size());
}

std::vector<domain::Customer> CustomerSpool::read(std::int64_t from, std::size_t count) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 snapshot = _snapshot, first = from, last = from + static_cast<Poco::Int64>(count);
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT tenant_id, company_name, primary_domain, relationship,"
                         " associated_partner_id FROM ict_crawl_customers WHERE snapshot_id = ?"
                         " AND position >= ? AND position < ? ORDER BY position"),
        use(snapshot), use(first), use(last), now;
    Poco::Data::RecordSet rows(select);
    std::vector<domain::Customer> customers;
    customers.reserve(rows.rowCount());
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        customers.push_back(
            {rows.value(0, r).convert<std::string>(), rows.value(1, r).convert<std::string>(),
             rows.value(2, r).convert<std::string>(), rows.value(3, r).convert<std::string>(),
             rows.value(4, r).convert<std::string>()});
    return customers;
}

void CustomerSpool::clear() {
    Poco::Data::Session session = _database.session();
    Poco::Int64 snapshot = _snapshot;
    for (Poco::Int64 from = 0; from < _size; from += 5000) {
        Poco::Int64 to = from + 5000;
        session << forDialect(_database.dialect(), "DELETE FROM ict_crawl_customers WHERE"
                                                   " snapshot_id = ? AND position < ?"),
            use(snapshot), use(to), now;
    }
    _size = 0;
}

} // namespace ict::storage
