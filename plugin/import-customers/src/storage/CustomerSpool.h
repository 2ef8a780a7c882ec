#pragma once
/// The customer list of a Get Hierarchy run, spooled to the database (ict_crawl_customers, under
/// the run's staging snapshot) while Partner Center's pages are read, and read back a slice at a
/// time while the customers' subscriptions are read: a 100,000-customer list is never held. Its
/// rows go with the snapshot's (SnapshotStore::purge()).
///
/// append() is called by one thread at a time; read() and size() from any. Throws
/// Poco::Exception on a database failure.

#include "domain/partner/Customer.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <vector>

namespace ict::storage {

class CustomerSpool {
public:
    CustomerSpool(bss::sdk::Database& database, std::int64_t snapshot);

    /// Appends a page of customers, in their order, in one transaction.
    void append(const std::vector<domain::Customer>& page);

    /// Customers appended so far.
    std::int64_t size() const { return _size; }

    /// At most `count` customers from position `from` on (0 = the first appended), in order.
    std::vector<domain::Customer> read(std::int64_t from, std::size_t count) const;

    /// Deletes the spooled customers, a slice per transaction (after the crawl).
    void clear();

private:
    bss::sdk::Database& _database;
    std::int64_t _snapshot;
    std::int64_t _size = 0;
};

} // namespace ict::storage
