// The crawl's staging sink (StagingSink) on the tool's database (ICT_TEST_DB): rows handed in
// from several crawl threads reach the staging snapshot once each, audited; a batch is written
// as soon as it reaches a limit of BatchLimits and not before; flush() writes the rest; a
// database failure surfaces from the call that wrote, and its batch leaves nothing.
#include "application/StagingSink.h"
#include "application/BssAuditor.h"
#include "storage/SnapshotReader.h"
#include "storage/SnapshotStore.h"
#include "storage/SnapshotWriter.h"
#include "support/ToolHarness.h"

#include <Poco/Exception.h>

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <memory>
#include <set>
#include <thread>

using ict::application::BatchLimits;
using ict::application::BssAuditor;
using ict::application::StagingSink;
using ict::application::test::ToolHarness;
using namespace ict::domain;
using namespace ict::storage;

namespace {

std::string tenantId(int n) {
    char id[40];
    std::snprintf(id, sizeof id, "%08x-3333-4000-8000-%012d", (n * 7919) % 65536, n);
    return id;
}

TenantRow row(int n, const std::string& seller = "", int subscriptions = 1) {
    TenantRow r;
    r.tenantId = tenantId(n);
    r.companyName = "Company " + std::to_string(n);
    r.primaryDomain = "c" + std::to_string(n) + ".onmicrosoft.com";
    r.placement = seller.empty() ? TenantPlacement::Direct : TenantPlacement::EndCustomer;
    r.resellerMpnId = seller;
    for (int s = 0; s < subscriptions; ++s) {
        SubscriptionRow sub;
        sub.subscription.id = "s-" + std::to_string(n) + "-" + seller + "-" + std::to_string(s);
        sub.subscription.customerTenantId = r.tenantId;
        sub.subscription.partnerId = seller;
        sub.subscription.offerId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
        sub.subscription.kind = SubscriptionKind::Nce;
        sub.subscription.status = "active";
        r.subscriptions.push_back(sub);
    }
    return r;
}

/// The rows a crawl hands in for customer `n`: direct, and every third also under reseller 100.
std::vector<TenantRow> customerRows(int n) {
    std::vector<TenantRow> rows = {row(n, "", n % 4)};
    if (n % 3 == 0)
        rows.push_back(row(n, "100", 1 + n % 2));
    return rows;
}

/// A Get Hierarchy's staging snapshot, its writer, auditor and sink on a harness's database.
struct Staging {
    Staging(ToolHarness& h, BatchLimits limits)
        : database(h.database()),
          snapshot(SnapshotStore(h.database())
                       .createStaging({h.root().organization.id, 5}, "run-1", h.nowIso())),
          writer(h.database(), snapshot), auditor(h.database(), h.root().organization.id),
          sink(std::make_unique<StagingSink>(auditor, writer, limits)) {}

    SnapshotCounts counts() const { return countSnapshot(database, snapshot); }

    bss::sdk::Database& database;
    std::int64_t snapshot;
    SnapshotWriter writer;
    BssAuditor auditor;
    std::unique_ptr<StagingSink> sink;
};

void execute(ToolHarness& h, const std::string& sql) {
    Poco::Data::Session session = h.database().session();
    session << sql, Poco::Data::Keywords::now;
}

} // namespace

class StagingSinkTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StagingSinkTest);
    CPPUNIT_TEST(rowsFromSeveralThreadsReachTheSnapshotOnceEachAudited);
    CPPUNIT_TEST(aBatchIsWrittenWhenItReachesATenantRowLimit);
    CPPUNIT_TEST(aBatchIsWrittenWhenItReachesASubscriptionLimit);
    CPPUNIT_TEST(flushWritesTheRestAndNothingTwice);
    CPPUNIT_TEST(aDatabaseFailureSurfacesAndItsBatchLeavesNothing);
    CPPUNIT_TEST_SUITE_END();

public:
    void rowsFromSeveralThreadsReachTheSnapshotOnceEachAudited() {
        ToolHarness h;
        // Accounts for some tenants, so the audit has something to find.
        std::set<std::string> withAccount;
        for (int n = 0; n < 800; n += 5) {
            h.insertAccount("Company " + std::to_string(n), tenantId(n), "");
            withAccount.insert(tenantId(n));
        }
        Staging staging(h, {50, 120});
        const int threads = 4, perThread = 200;
        std::int64_t rows = 0, subscriptions = 0, failures = 0;
        for (int n = 0; n < threads * perThread; ++n) {
            if (n % 10 == 9) {
                ++failures;
                continue;
            }
            for (const TenantRow& r : customerRows(n)) {
                ++rows;
                subscriptions += static_cast<std::int64_t>(r.subscriptions.size());
            }
        }
        std::vector<std::thread> crawl;
        std::vector<std::exception_ptr> errors(threads);
        for (int t = 0; t < threads; ++t)
            crawl.emplace_back([&, t] {
                try {
                    for (int n = t; n < threads * perThread; n += threads) {
                        if (n % 10 == 9)
                            staging.sink->fail(
                                {tenantId(n), "Failed " + std::to_string(n), "", "HTTP 503"});
                        else
                            staging.sink->add(customerRows(n));
                    }
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        for (std::thread& thread : crawl)
            thread.join();
        for (const std::exception_ptr& error : errors)
            if (error)
                std::rethrow_exception(error);
        staging.sink->flush();

        CPPUNIT_ASSERT_EQUAL(rows + failures, staging.sink->rowsAdded());
        const SnapshotCounts counts = staging.counts();
        CPPUNIT_ASSERT_EQUAL(rows, counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(failures, counts.failures);
        CPPUNIT_ASSERT_EQUAL(subscriptions, counts.subscriptions);
        // Each row once, under its own key, audited (an account by tenant id is found).
        std::set<std::pair<std::string, std::string>> keys;
        std::size_t matched = 0;
        SnapshotReader(h.database())
            .forEachPage(staging.snapshot, 500, {}, [&](SnapshotPage& page) {
                for (const TenantRow& r : page.rows) {
                    CPPUNIT_ASSERT(keys.insert({r.tenantId, r.resellerMpnId}).second);
                    CPPUNIT_ASSERT(r.status != TenantStatus::Unset);
                    const bool hasAccount = withAccount.count(r.tenantId) != 0;
                    CPPUNIT_ASSERT_EQUAL(hasAccount, r.idMatchedAccountId != 0);
                    matched += hasAccount ? 1 : 0;
                    for (const SubscriptionRow& s : r.subscriptions)
                        CPPUNIT_ASSERT(s.status != SubscriptionStatus::Unset);
                }
                for (const TenantFetchError& f : page.failures)
                    CPPUNIT_ASSERT(keys.insert({f.tenantId, ""}).second);
                return true;
            });
        CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(rows + failures), keys.size());
        CPPUNIT_ASSERT(matched > 100);
    }

    void aBatchIsWrittenWhenItReachesATenantRowLimit() {
        ToolHarness h;
        Staging staging(h, {5, 1000});
        // Rows and failures both count toward the tenant-row limit.
        for (int n = 0; n < 4; ++n) {
            staging.sink->add({row(n)});
            CPPUNIT_ASSERT_EQUAL(std::int64_t(0), staging.counts().tenantRows);
        }
        staging.sink->fail({tenantId(4), "Failed", "", "HTTP 500"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), staging.counts().tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), staging.counts().failures);
        // A customer's rows go into one batch whole, even past the limit.
        staging.sink->add({row(10), row(11)});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), staging.counts().tenantRows);
        staging.sink->add({row(12), row(12, "100"), row(12, "200"), row(12, "300")});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4 + 6), staging.counts().tenantRows);
        staging.sink->add({});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4 + 6), staging.counts().tenantRows);
    }

    void aBatchIsWrittenWhenItReachesASubscriptionLimit() {
        ToolHarness h;
        Staging staging(h, {100, 8});
        staging.sink->add({row(0, "", 3)});
        staging.sink->add({row(1, "", 4)});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), staging.counts().subscriptions);
        staging.sink->add({row(2, "", 1)}); // 8 subscriptions: written
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), staging.counts().tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), staging.counts().subscriptions);
        staging.sink->add({row(3, "", 0)});
        staging.sink->add({row(4, "", 20)}); // one customer past the limit: written at once
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5), staging.counts().tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(28), staging.counts().subscriptions);
    }

    void flushWritesTheRestAndNothingTwice() {
        ToolHarness h;
        Staging staging(h, {5, 1000});
        staging.sink->flush(); // nothing to write
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), staging.counts().tenantRows);
        for (int n = 0; n < 7; ++n)
            staging.sink->add({row(n, "", 2)});
        staging.sink->fail({tenantId(7), "Failed", "", "HTTP 500"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5), staging.counts().tenantRows);
        staging.sink->flush();
        SnapshotCounts counts = staging.counts();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counts.failures);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(14), counts.subscriptions);
        staging.sink->flush();
        counts = staging.counts();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), staging.sink->rowsAdded());
    }

    void aDatabaseFailureSurfacesAndItsBatchLeavesNothing() {
        ToolHarness h;
        Staging staging(h, {3, 1000});
        // Tenant rows can be written, subscription rows cannot: the batch fails half way.
        execute(h, "ALTER TABLE ict_subscriptions RENAME TO ict_subscriptions_away");
        staging.sink->add({row(0)});
        staging.sink->add({row(1)});
        CPPUNIT_ASSERT_THROW(staging.sink->add({row(2)}), Poco::Exception);
        staging.sink->add({row(3)});
        CPPUNIT_ASSERT_THROW(staging.sink->flush(), Poco::Exception);
        execute(h, "ALTER TABLE ict_subscriptions_away RENAME TO ict_subscriptions");
        SnapshotCounts counts = staging.counts();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counts.subscriptions);
        // The sink goes on once the database does.
        staging.sink->add({row(4), row(5), row(6)});
        counts = staging.counts();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), counts.tenantRows);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), counts.subscriptions);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StagingSinkTest);
