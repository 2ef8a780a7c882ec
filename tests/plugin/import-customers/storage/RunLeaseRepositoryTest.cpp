// Run leases (RunLeaseRepository, plugin/common) in the Import Customers Tool's ict_run_leases, on
// the test database (ICT_TEST_DB): one holder per instance, told who holds it; renewed only while
// held; an expired lease taken over and reported; and two hosts (two pools on one database)
// acquiring at once never both win.
#include "storage/RunLeaseRepository.h"
#include "plugin/import-customers/storage/support/StorageDatabase.h"

#include <Poco/Data/Transaction.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace ict::storage;
using ict::storage::test::StorageDatabase;
using namespace std::chrono_literals;

namespace {

const InstanceKey kKey{7, 3};
const InstanceKey kOther{7, 4};

RunLease lease(const InstanceKey& key, const std::string& holder, const std::string& runId,
               const std::string& kind = "get-hierarchy") {
    RunLease l;
    l.key = key;
    l.holder = holder;
    l.runId = runId;
    l.kind = kind;
    l.userLogin = "admin@" + holder;
    l.startedAt = "2026-02-01T10:00:00Z";
    return l;
}

void assertSameLease(const RunLease& expected, const RunLease& got) {
    CPPUNIT_ASSERT_EQUAL(expected.key.organizationId, got.key.organizationId);
    CPPUNIT_ASSERT_EQUAL(expected.key.instanceId, got.key.instanceId);
    CPPUNIT_ASSERT_EQUAL(expected.holder, got.holder);
    CPPUNIT_ASSERT_EQUAL(expected.runId, got.runId);
    CPPUNIT_ASSERT_EQUAL(expected.kind, got.kind);
    CPPUNIT_ASSERT_EQUAL(expected.userLogin, got.userLogin);
    CPPUNIT_ASSERT_EQUAL(expected.startedAt, got.startedAt);
}

/// Waits until `key`'s lease is no longer live (leases expire by the database's clock).
void waitExpired(RunLeaseRepository& leases, const InstanceKey& key) {
    for (int i = 0; i < 200; ++i) {
        bool live = false;
        for (const RunLease& l : leases.live())
            live = live || (l.key.organizationId == key.organizationId &&
                            l.key.instanceId == key.instanceId);
        if (!live)
            return;
        std::this_thread::sleep_for(5ms);
    }
    CPPUNIT_FAIL("a lease did not expire within a second");
}

} // namespace

class RunLeaseRepositoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RunLeaseRepositoryTest);
    CPPUNIT_TEST(aFreeInstanceIsAcquired);
    CPPUNIT_TEST(aSecondHolderIsRefusedAndToldWhoHoldsIt);
    CPPUNIT_TEST(theHolderAcquiringAgainKeepsIt);
    CPPUNIT_TEST(renewExtendsWhileHeldOnly);
    CPPUNIT_TEST(anExpiredLeaseIsTakenOverAndReported);
    CPPUNIT_TEST(holdsReadsInTheCallersTransaction);
    CPPUNIT_TEST(releaseOnlyByTheHolderOfTheRun);
    CPPUNIT_TEST(takeExpiredReturnsAndDeletesOnlyExpiredLeases);
    CPPUNIT_TEST(twoHostsAcquiringAtOnceNeverBothWin);
    CPPUNIT_TEST(leaseHolderNamesAreUniqueAndIsoFromMillisFormats);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<StorageDatabase>(); }
    void tearDown() override { _db.reset(); }

    void aFreeInstanceIsAcquired() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        const RunLease wanted = lease(kKey, "host-a", "run-1");
        const LeaseOutcome outcome = leases.acquire(wanted, 60s);
        CPPUNIT_ASSERT(outcome.acquired);
        CPPUNIT_ASSERT(!outcome.holder);
        CPPUNIT_ASSERT(!outcome.expired);
        const std::vector<RunLease> live = leases.live();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), live.size());
        assertSameLease(wanted, live[0]);
        const std::int64_t ttl = live[0].expiresAtMs - live[0].heartbeatAtMs;
        CPPUNIT_ASSERT(ttl >= 60000 && ttl < 61000);
        // The database's clock, in ms since the epoch: some time after 2025.
        CPPUNIT_ASSERT(live[0].heartbeatAtMs > 1735689600000LL);
    }

    void aSecondHolderIsRefusedAndToldWhoHoldsIt() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        const RunLease first = lease(kKey, "host-a", "run-1", "import");
        CPPUNIT_ASSERT(leases.acquire(first, 60s).acquired);
        const RunLease before = leases.live()[0];
        const LeaseOutcome refused = leases.acquire(lease(kKey, "host-b", "run-2"), 60s);
        CPPUNIT_ASSERT(!refused.acquired);
        CPPUNIT_ASSERT(refused.holder);
        CPPUNIT_ASSERT(!refused.expired);
        assertSameLease(first, *refused.holder);
        CPPUNIT_ASSERT_EQUAL(before.expiresAtMs, refused.holder->expiresAtMs);
        // The same holder with another run is another run: refused too.
        CPPUNIT_ASSERT(!leases.acquire(lease(kKey, "host-a", "run-3"), 60s).acquired);
        // Nothing changed; another instance is free.
        const std::vector<RunLease> live = leases.live();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), live.size());
        assertSameLease(first, live[0]);
        CPPUNIT_ASSERT_EQUAL(before.expiresAtMs, live[0].expiresAtMs);
        CPPUNIT_ASSERT(leases.acquire(lease(kOther, "host-b", "run-2"), 60s).acquired);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), leases.live().size());
    }

    void theHolderAcquiringAgainKeepsIt() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        CPPUNIT_ASSERT(leases.acquire(lease(kKey, "host-a", "run-1"), 60s).acquired);
        const LeaseOutcome again = leases.acquire(lease(kKey, "host-a", "run-1"), 60s);
        CPPUNIT_ASSERT(again.acquired);
        CPPUNIT_ASSERT(!again.holder && !again.expired);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), leases.live().size());
    }

    void renewExtendsWhileHeldOnly() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        CPPUNIT_ASSERT(leases.acquire(lease(kKey, "host-a", "run-1"), 2s).acquired);
        const RunLease before = leases.live()[0];
        std::this_thread::sleep_for(10ms);
        CPPUNIT_ASSERT(leases.renew(kKey, "host-a", "run-1", 60s));
        const RunLease after = leases.live()[0];
        CPPUNIT_ASSERT(after.heartbeatAtMs >= before.heartbeatAtMs);
        CPPUNIT_ASSERT(after.expiresAtMs >= after.heartbeatAtMs + 60000);
        CPPUNIT_ASSERT(after.expiresAtMs > before.expiresAtMs + 50000);
        // Only the holder of that run renews.
        CPPUNIT_ASSERT(!leases.renew(kKey, "host-b", "run-1", 60s));
        CPPUNIT_ASSERT(!leases.renew(kKey, "host-a", "run-2", 60s));
        CPPUNIT_ASSERT(!leases.renew(kOther, "host-a", "run-1", 60s));
        CPPUNIT_ASSERT_EQUAL(after.expiresAtMs, leases.live()[0].expiresAtMs);

        // Once expired it is not renewed (another host may be taking it over), and once taken
        // over it never is.
        CPPUNIT_ASSERT(leases.renew(kKey, "host-a", "run-1", 20ms));
        waitExpired(leases, kKey);
        CPPUNIT_ASSERT(!leases.renew(kKey, "host-a", "run-1", 60s));
        CPPUNIT_ASSERT(leases.acquire(lease(kKey, "host-b", "run-2"), 60s).acquired);
        CPPUNIT_ASSERT(!leases.renew(kKey, "host-a", "run-1", 60s));
        CPPUNIT_ASSERT(leases.renew(kKey, "host-b", "run-2", 60s));
    }

    void anExpiredLeaseIsTakenOverAndReported() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        const RunLease dead = lease(kKey, "host-a", "run-1", "import");
        CPPUNIT_ASSERT(leases.acquire(dead, 20ms).acquired);
        const RunLease held = leases.live()[0];
        waitExpired(leases, kKey);
        const RunLease next = lease(kKey, "host-b", "run-2");
        const LeaseOutcome taken = leases.acquire(next, 60s);
        CPPUNIT_ASSERT(taken.acquired);
        CPPUNIT_ASSERT(!taken.holder);
        CPPUNIT_ASSERT(taken.expired);
        assertSameLease(dead, *taken.expired);
        CPPUNIT_ASSERT_EQUAL(held.expiresAtMs, taken.expired->expiresAtMs);
        CPPUNIT_ASSERT_EQUAL(held.heartbeatAtMs, taken.expired->heartbeatAtMs);
        const std::vector<RunLease> live = leases.live();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), live.size());
        assertSameLease(next, live[0]);
        CPPUNIT_ASSERT(live[0].heartbeatAtMs >= held.expiresAtMs);
        CPPUNIT_ASSERT(live[0].expiresAtMs >= live[0].heartbeatAtMs + 60000);
    }

    void holdsReadsInTheCallersTransaction() {
        auto& db = _db->database();
        RunLeaseRepository leases(db, "ict_run_leases");
        CPPUNIT_ASSERT(leases.acquire(lease(kKey, "host-a", "run-1"), 60s).acquired);
        {
            Poco::Data::Session session = db.session();
            Poco::Data::Transaction transaction(session);
            CPPUNIT_ASSERT(leases.holds(session, kKey, "host-a", "run-1"));
            CPPUNIT_ASSERT(!leases.holds(session, kKey, "host-b", "run-1"));
            CPPUNIT_ASSERT(!leases.holds(session, kKey, "host-a", "run-2"));
            CPPUNIT_ASSERT(!leases.holds(session, kOther, "host-a", "run-1"));
            transaction.commit();
        }
        // An expired lease is not held, even before anyone takes it over.
        CPPUNIT_ASSERT(leases.acquire(lease(kOther, "host-a", "run-9"), 20ms).acquired);
        waitExpired(leases, kOther);
        Poco::Data::Session session = db.session();
        CPPUNIT_ASSERT(!leases.holds(session, kOther, "host-a", "run-9"));
        leases.release(kKey, "host-a", "run-1");
        CPPUNIT_ASSERT(!leases.holds(session, kKey, "host-a", "run-1"));
    }

    void releaseOnlyByTheHolderOfTheRun() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        CPPUNIT_ASSERT(leases.acquire(lease(kKey, "host-a", "run-1"), 60s).acquired);
        leases.release(kKey, "host-b", "run-1");
        leases.release(kKey, "host-a", "run-2");
        leases.release(kOther, "host-a", "run-1");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), leases.live().size());
        CPPUNIT_ASSERT(!leases.acquire(lease(kKey, "host-b", "run-2"), 60s).acquired);
        leases.release(kKey, "host-a", "run-1");
        CPPUNIT_ASSERT(leases.live().empty());
        const LeaseOutcome next = leases.acquire(lease(kKey, "host-b", "run-2"), 60s);
        CPPUNIT_ASSERT(next.acquired);
        CPPUNIT_ASSERT(!next.expired); // released, not expired: nothing to mark interrupted
    }

    void takeExpiredReturnsAndDeletesOnlyExpiredLeases() {
        RunLeaseRepository leases(_db->database(), "ict_run_leases");
        CPPUNIT_ASSERT(leases.acquire(lease({9, 1}, "host-a", "run-1"), 20ms).acquired);
        CPPUNIT_ASSERT(leases.acquire(lease({7, 2}, "host-a", "run-2"), 60s).acquired);
        CPPUNIT_ASSERT(leases.acquire(lease({7, 1}, "host-b", "run-3", "import"), 20ms).acquired);
        waitExpired(leases, {9, 1});
        waitExpired(leases, {7, 1});
        const std::vector<RunLease> expired = leases.takeExpired();
        std::vector<std::string> runs;
        for (const RunLease& l : expired)
            runs.push_back(l.runId);
        // Ordered by organization, then instance.
        CPPUNIT_ASSERT(runs == std::vector<std::string>({"run-3", "run-1"}));
        assertSameLease(lease({7, 1}, "host-b", "run-3", "import"), expired[0]);
        CPPUNIT_ASSERT(leases.takeExpired().empty());
        const std::vector<RunLease> live = leases.live();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), live.size());
        CPPUNIT_ASSERT_EQUAL(std::string("run-2"), live[0].runId);
        CPPUNIT_ASSERT_EQUAL(1LL, _db->count("SELECT COUNT(*) FROM ict_run_leases"));
        // The instances are free again.
        const LeaseOutcome again = leases.acquire(lease({9, 1}, "host-c", "run-4"), 60s);
        CPPUNIT_ASSERT(again.acquired && !again.expired);
    }

    void twoHostsAcquiringAtOnceNeverBothWin() {
        std::unique_ptr<mockhost::HostDatabase> second = _db->open();
        RunLeaseRepository hostA(_db->database(), "ict_run_leases");
        RunLeaseRepository hostB(*second, "ict_run_leases");
        // Rounds on a free instance, then rounds on one whose lease just expired (both hosts
        // see it expired and try to take it over).
        for (int round = 0; round < 60; ++round) {
            const bool takeover = round >= 30;
            const InstanceKey key{100, round};
            if (takeover) {
                CPPUNIT_ASSERT(hostA.acquire(lease(key, "host-dead", "run-dead"), 1ms).acquired);
                waitExpired(hostA, key);
            }
            std::atomic<int> ready{0};
            LeaseOutcome outcomes[2];
            const auto take = [&](int host) {
                RunLeaseRepository& leases = host == 0 ? hostA : hostB;
                ++ready;
                while (ready.load() < 2)
                    std::this_thread::yield();
                outcomes[host] = leases.acquire(
                    lease(key, host == 0 ? "host-a" : "host-b", "run-" + std::to_string(host)),
                    60s);
            };
            std::thread a(take, 0), b(take, 1);
            a.join();
            b.join();
            const std::string what =
                (takeover ? "takeover round " : "round ") + std::to_string(round);
            CPPUNIT_ASSERT_MESSAGE(what, outcomes[0].acquired != outcomes[1].acquired);
            const int winner = outcomes[0].acquired ? 0 : 1;
            const std::string winnerName = winner == 0 ? "host-a" : "host-b";
            const LeaseOutcome& loser = outcomes[1 - winner];
            CPPUNIT_ASSERT_MESSAGE(what, loser.holder);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, winnerName, loser.holder->holder);
            CPPUNIT_ASSERT_MESSAGE(what, !loser.expired);
            // Only the winner reports the dead run, once.
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, takeover, outcomes[winner].expired.has_value());
            if (takeover)
                CPPUNIT_ASSERT_EQUAL(std::string("run-dead"), outcomes[winner].expired->runId);
            const std::vector<RunLease> live = hostB.live();
            CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(round + 1), live.size());
            CPPUNIT_ASSERT_EQUAL(winnerName, live.back().holder);
        }
    }

    void leaseHolderNamesAreUniqueAndIsoFromMillisFormats() {
        const std::string one = leaseHolderName(), two = leaseHolderName();
        CPPUNIT_ASSERT(one != two);
        CPPUNIT_ASSERT(one.find(" pid ") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T10:00:00Z"), isoFromMillis(1769940000123LL));
        CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01T00:00:00Z"), isoFromMillis(0));
    }

private:
    std::unique_ptr<StorageDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(RunLeaseRepositoryTest);
