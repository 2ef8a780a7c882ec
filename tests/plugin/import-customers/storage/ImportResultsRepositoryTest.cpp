// An import run's results (ImportResultsRepository) on the test database (ICT_TEST_DB): counted,
// paged by offset and passed over in order across read pages; a failed append leaves nothing.
#include "storage/ImportResultsRepository.h"
#include "domain/common/CsvWriter.h"
#include "domain/importing/ImportOutcomeCsv.h"
#include "plugin/import-customers/storage/support/StorageDatabase.h"

#include <Poco/Exception.h>

#include <algorithm>

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;
using namespace ict::storage;
using ict::storage::test::StorageDatabase;

namespace {

TenantOutcome outcome(std::size_t n) {
    TenantOutcome t;
    t.tenantId = "tenant-" + std::to_string(n);
    t.companyName = "Company \"" + std::to_string(n) + "\", Ltd";
    t.resellerMpnId = n % 3 ? "" : "100";
    t.resellerName = n % 3 ? "" : "Reseller One";
    t.account = n % 4 ? AccountOutcomeKind::Created : AccountOutcomeKind::Existing;
    t.bssAccountId = static_cast<std::int64_t>(1000 + n);
    t.contactCreated = n % 4 != 0;
    SubscriptionOutcome s;
    s.msSubscriptionId = "sub-" + std::to_string(n);
    s.name = "E3";
    s.kind = n % 5 ? SubscriptionOutcomeKind::Created : SubscriptionOutcomeKind::Failed;
    s.reason = n % 5 ? "" : "Offer is mapped to no BSS product.";
    s.billingCycle = "monthly";
    s.termDuration = "P1M";
    t.subscriptions = {s};
    return t;
}

/// Results 0..count-1 of `run`, appended in batches of `batch`.
void appendResults(ImportResultsRepository& results, const std::string& run, std::size_t count,
                   std::size_t batch) {
    for (std::size_t begin = 0; begin < count; begin += batch) {
        std::vector<std::pair<std::size_t, TenantOutcome>> rows;
        for (std::size_t n = begin; n < std::min(count, begin + batch); ++n)
            rows.emplace_back(n, outcome(n));
        results.append(run, rows);
    }
}

/// A result as its CSV rows: every field the export shows.
std::string csv(const TenantOutcome& t) {
    return writeCsv(importOutcomeRows("r", false, t));
}

} // namespace

class ImportResultsRepositoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportResultsRepositoryTest);
    CPPUNIT_TEST(countAndPagesByOffset);
    CPPUNIT_TEST(forEachPassesEveryResultInOrderAcrossReadPages);
    CPPUNIT_TEST(forEachStopsWhenAsked);
    CPPUNIT_TEST(appendWritesABatchInOneTransaction);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<StorageDatabase>(); }
    void tearDown() override { _db.reset(); }

    void countAndPagesByOffset() {
        ImportResultsRepository results(_db->database());
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), results.count("run-1"));
        CPPUNIT_ASSERT(results.page("run-1", 0, 50).empty());
        appendResults(results, "run-1", 1234, 100);
        appendResults(results, "run-2", 3, 3);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1234), results.count("run-1"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), results.count("run-2"));
        for (const std::size_t offset : {std::size_t(0), std::size_t(50), std::size_t(1199)}) {
            const std::vector<TenantOutcome> page = results.page("run-1", offset, 50);
            CPPUNIT_ASSERT_EQUAL(std::min<std::size_t>(50, 1234 - offset), page.size());
            for (std::size_t i = 0; i < page.size(); ++i)
                CPPUNIT_ASSERT_EQUAL(csv(outcome(offset + i)), csv(page[i]));
        }
        CPPUNIT_ASSERT(results.page("run-1", 1234, 50).empty());
        CPPUNIT_ASSERT(results.page("run-1", 10, 0).empty());
        CPPUNIT_ASSERT_EQUAL(csv(outcome(2)), csv(results.page("run-2", 2, 10).at(0)));
    }

    void forEachPassesEveryResultInOrderAcrossReadPages() {
        ImportResultsRepository results(_db->database());
        // Counts around the 500 results forEach() reads at a time.
        std::size_t written = 0;
        for (const std::size_t count :
             {std::size_t(0), std::size_t(1), std::size_t(499), std::size_t(500), std::size_t(501),
              std::size_t(1000), std::size_t(1234)}) {
            const std::string run = "run-" + std::to_string(count);
            appendResults(results, run, count, 250);
            written += count;
            std::size_t seen = 0;
            results.forEach(run, [&](const TenantOutcome& t) {
                CPPUNIT_ASSERT_EQUAL(csv(outcome(seen)), csv(t));
                ++seen;
                return true;
            });
            CPPUNIT_ASSERT_EQUAL(count, seen);
        }
        CPPUNIT_ASSERT_EQUAL(static_cast<long long>(written),
                             _db->count("SELECT COUNT(*) FROM ict_import_results"));
    }

    void forEachStopsWhenAsked() {
        ImportResultsRepository results(_db->database());
        appendResults(results, "run-1", 1200, 600);
        for (const std::size_t stopAt : {std::size_t(1), std::size_t(3), std::size_t(500),
                                         std::size_t(501), std::size_t(1100)}) {
            std::size_t calls = 0;
            results.forEach("run-1", [&](const TenantOutcome& t) {
                CPPUNIT_ASSERT_EQUAL(outcome(calls).tenantId, t.tenantId);
                return ++calls < stopAt;
            });
            CPPUNIT_ASSERT_EQUAL(stopAt, calls);
        }
    }

    void appendWritesABatchInOneTransaction() {
        ImportResultsRepository results(_db->database());
        appendResults(results, "run-1", 2, 2);
        // The third row repeats the first's tenant and seller: the batch fails as a whole.
        TenantOutcome repeated = outcome(10);
        repeated.tenantId = outcome(2).tenantId;
        repeated.resellerMpnId = outcome(2).resellerMpnId;
        const std::vector<std::pair<std::size_t, TenantOutcome>> bad = {
            {2, outcome(2)}, {3, outcome(3)}, {4, repeated}};
        CPPUNIT_ASSERT_THROW(results.append("run-1", bad), Poco::Exception);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.count("run-1"));
        // The same tenant in another run is another result; an empty batch writes nothing.
        results.append("run-2", {{0, outcome(0)}});
        results.append("run-1", {});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.count("run-1"));
        // The batch without the repeat goes in, in position order.
        results.append("run-1", {{3, outcome(3)}, {2, outcome(2)}});
        const std::vector<TenantOutcome> all = results.results("run-1");
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), all.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            CPPUNIT_ASSERT_EQUAL(csv(outcome(i)), csv(all[i]));
    }

private:
    std::unique_ptr<StorageDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportResultsRepositoryTest);
