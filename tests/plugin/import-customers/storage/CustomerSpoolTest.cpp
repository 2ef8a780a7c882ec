// The crawl's customer spool (CustomerSpool) on the test database (ICT_TEST_DB): pages appended
// in order come back in slices of any size, each spool keeps to its snapshot, clear() empties it.
#include "storage/CustomerSpool.h"
#include "plugin/import-customers/storage/support/StorageDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>

using namespace ict::domain;
using namespace ict::storage;
using ict::storage::test::StorageDatabase;

namespace {

Customer customer(int n) {
    char id[40];
    std::snprintf(id, sizeof id, "%08llx-2222-4000-8000-%012d",
                  (static_cast<unsigned long long>(n) * 104729ULL) % 0x7fffffffULL, n);
    Customer c;
    c.tenantId = id;
    c.companyName = n % 5 ? "Company '" + std::to_string(n) + "' \xc3\xa9" : "";
    c.primaryDomain = "c" + std::to_string(n) + ".onmicrosoft.com";
    c.relationshipToPartner = n % 2 ? "reseller" : "advisor";
    c.associatedPartnerId =
        n % 3 ? "" : "eeeeeeee-0000-4000-8000-00000000000" + std::to_string(n % 10);
    return c;
}

std::string describe(const Customer& c) {
    return c.tenantId + "|" + c.companyName + "|" + c.primaryDomain + "|" +
           c.relationshipToPartner + "|" + c.associatedPartnerId;
}

std::vector<Customer> customers(int first, int count) {
    std::vector<Customer> page;
    for (int n = first; n < first + count; ++n)
        page.push_back(customer(n));
    return page;
}

} // namespace

class CustomerSpoolTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CustomerSpoolTest);
    CPPUNIT_TEST(slicesAcrossPageBoundariesComeBackInOrder);
    CPPUNIT_TEST(eachSnapshotHasItsOwnSpool);
    CPPUNIT_TEST(clearDeletesEverySpooledCustomer);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<StorageDatabase>(); }
    void tearDown() override { _db.reset(); }

    void slicesAcrossPageBoundariesComeBackInOrder() {
        CustomerSpool spool(_db->database(), 11);
        const std::vector<int> pageSizes = {3, 100, 1, 0, 250, 500};
        std::vector<Customer> appended;
        int next = 0;
        for (const int size : pageSizes) {
            const std::vector<Customer> page = customers(next, size);
            spool.append(page);
            appended.insert(appended.end(), page.begin(), page.end());
            next += size;
            CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(appended.size()), spool.size());
        }
        for (const std::size_t slice :
             {std::size_t(1), std::size_t(7), std::size_t(97), std::size_t(1000)}) {
            std::vector<Customer> read;
            for (std::int64_t from = 0; from < spool.size();
                 from += static_cast<std::int64_t>(slice)) {
                const std::vector<Customer> part = spool.read(from, slice);
                CPPUNIT_ASSERT(part.size() <= slice);
                read.insert(read.end(), part.begin(), part.end());
            }
            CPPUNIT_ASSERT_EQUAL(appended.size(), read.size());
            for (std::size_t i = 0; i < appended.size(); ++i)
                CPPUNIT_ASSERT_EQUAL(describe(appended[i]), describe(read[i]));
        }
        // A slice across the end is short; past the end, empty.
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), spool.read(spool.size() - 4, 10).size());
        CPPUNIT_ASSERT(spool.read(spool.size(), 10).empty());
        CPPUNIT_ASSERT(spool.read(0, 0).empty());
        CPPUNIT_ASSERT_EQUAL(describe(appended[103]), describe(spool.read(103, 1).at(0)));
    }

    void eachSnapshotHasItsOwnSpool() {
        CustomerSpool one(_db->database(), 11);
        CustomerSpool two(_db->database(), 12);
        one.append(customers(0, 5));
        two.append(customers(100, 3));
        one.append(customers(5, 5));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(10), one.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), two.size());
        const std::vector<Customer> fromTwo = two.read(0, 100);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), fromTwo.size());
        CPPUNIT_ASSERT_EQUAL(describe(customer(100)), describe(fromTwo[0]));
        CPPUNIT_ASSERT_EQUAL(describe(customer(5)), describe(one.read(5, 1).at(0)));
        two.clear();
        CPPUNIT_ASSERT_EQUAL(std::size_t(10), one.read(0, 100).size());
    }

    void clearDeletesEverySpooledCustomer() {
        CustomerSpool spool(_db->database(), 11);
        CustomerSpool other(_db->database(), 12);
        other.append(customers(0, 2));
        for (int page = 0; page < 24; ++page) // 12,000: clear() deletes 5,000 at a time
            spool.append(customers(page * 500, 500));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(12000), spool.size());
        spool.clear();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), spool.size());
        CPPUNIT_ASSERT(spool.read(0, 20000).empty());
        CPPUNIT_ASSERT_EQUAL(0LL, _db->count("SELECT COUNT(*) FROM ict_crawl_customers WHERE"
                                             " snapshot_id = 11"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), other.read(0, 10).size());
        // The spool can be filled again from the start.
        spool.append(customers(50000, 2));
        CPPUNIT_ASSERT_EQUAL(describe(customer(50000)), describe(spool.read(0, 1).at(0)));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), spool.size());
    }

private:
    std::unique_ptr<StorageDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CustomerSpoolTest);
