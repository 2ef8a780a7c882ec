// Runs (RunRepository) on the test database (ICT_TEST_DB): numbered in insert order whatever
// their start time says, listed by that number, and marked interrupted once; each run's audit
// entry written at its start and completed at its end.
#include "storage/RunRepository.h"
#include "plugin/import-customers/storage/support/StorageDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::storage;
using ict::storage::test::StorageDatabase;

namespace {

RunRecord run(const std::string& id, std::int64_t org, std::int64_t instance,
              const std::string& kind = "get_hierarchy", const std::string& state = "running",
              const std::string& startedAt = "2026-02-01T10:00:00Z") {
    RunRecord r;
    r.id = id;
    r.organizationId = org;
    r.instanceId = instance;
    r.kind = kind;
    r.scope = "mass";
    r.state = state;
    r.userId = 42;
    r.userLogin = "admin@root";
    r.startedAt = startedAt;
    r.message = "";
    r.summary = "{}";
    return r;
}

std::vector<std::string> ids(const std::vector<RunRecord>& runs) {
    std::vector<std::string> out;
    for (const RunRecord& r : runs)
        out.push_back(r.id);
    return out;
}

} // namespace

class RunRepositoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RunRepositoryTest);
    CPPUNIT_TEST(seqFollowsInsertOrderAndRecentListsByIt);
    CPPUNIT_TEST(recentFiltersByOrganizationInstanceAndKind);
    CPPUNIT_TEST(markInterruptedChangesOnlyARunningRunAndAuditsItOnce);
    CPPUNIT_TEST(runningListsEveryRunningRunOldestFirst);
    CPPUNIT_TEST(aRunsAuditEntryIsWrittenAtItsStartAndCompletedAtItsEnd);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _db = std::make_unique<StorageDatabase>(); }
    void tearDown() override { _db.reset(); }

    void seqFollowsInsertOrderAndRecentListsByIt() {
        RunRepository runs(_db->database());
        // Equal start times, ids that sort otherwise, and one that claims to have started later.
        const std::vector<std::string> order = {"run-c", "run-a", "run-e", "run-b", "run-d"};
        for (const std::string& id : order)
            runs.insert(run(id, 7, 3, "get_hierarchy", "succeeded",
                            id == "run-a" ? "2026-02-01T11:00:00Z" : "2026-02-01T10:00:00Z"));
        std::int64_t previous = 0;
        for (const std::string& id : order) {
            const std::int64_t seq = runs.find(id)->seq;
            CPPUNIT_ASSERT(seq > previous);
            previous = seq;
        }
        CPPUNIT_ASSERT(ids(runs.recent(7, 3, "get_hierarchy", 10)) ==
                       std::vector<std::string>({"run-d", "run-b", "run-e", "run-a", "run-c"}));
        CPPUNIT_ASSERT(ids(runs.recent(7, 3, "get_hierarchy", 2)) ==
                       std::vector<std::string>({"run-d", "run-b"}));
        // A later insert is numbered after every earlier one, whatever its start time.
        runs.insert(run("run-0", 7, 3, "get_hierarchy", "running", "2020-01-01T00:00:00Z"));
        CPPUNIT_ASSERT(runs.find("run-0")->seq > previous);
        CPPUNIT_ASSERT_EQUAL(std::string("run-0"), runs.recent(7, 3, "get_hierarchy", 1)[0].id);
    }

    void recentFiltersByOrganizationInstanceAndKind() {
        RunRepository runs(_db->database());
        runs.insert(run("h-3", 7, 3));
        runs.insert(run("i-3", 7, 3, "import"));
        runs.insert(run("h-4", 7, 4));
        runs.insert(run("h-other-org", 8, 3));
        runs.insert(run("h-3b", 7, 3));
        CPPUNIT_ASSERT(ids(runs.recent(7, 3, "get_hierarchy", 10)) ==
                       std::vector<std::string>({"h-3b", "h-3"}));
        CPPUNIT_ASSERT(ids(runs.recent(7, std::nullopt, "get_hierarchy", 10)) ==
                       std::vector<std::string>({"h-3b", "h-4", "h-3"}));
        CPPUNIT_ASSERT(ids(runs.recent(7, 3, "import", 10)) == std::vector<std::string>({"i-3"}));
        CPPUNIT_ASSERT(runs.recent(9, std::nullopt, "get_hierarchy", 10).empty());
        const RunRecord found = *runs.find("i-3");
        CPPUNIT_ASSERT_EQUAL(std::string("import"), found.kind);
        CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), found.userLogin);
        CPPUNIT_ASSERT(!found.finishedAt);
        CPPUNIT_ASSERT(!runs.find("missing"));
    }

    void markInterruptedChangesOnlyARunningRunAndAuditsItOnce() {
        RunRepository runs(_db->database());
        runs.insert(run("run-1", 7, 3, "import"));
        runs.insert(run("run-2", 7, 3));
        runs.finish("run-2", "succeeded", "2026-02-01T10:05:00Z", "done", "{\"tenants\":1}",
                    "done");
        const std::size_t auditBefore = runs.auditTrail(7, 100).size();

        CPPUNIT_ASSERT(runs.markInterrupted("run-1", "2026-02-01T10:09:00Z", "Its host stopped."));
        const RunRecord interrupted = *runs.find("run-1");
        CPPUNIT_ASSERT_EQUAL(std::string("interrupted"), interrupted.state);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T10:09:00Z"), interrupted.finishedAt.value());
        CPPUNIT_ASSERT_EQUAL(std::string("Its host stopped."), interrupted.message);
        // The entry the run wrote at its start is completed, not a second one appended.
        std::vector<AuditTrailEntry> audit = runs.auditTrail(7, 100);
        CPPUNIT_ASSERT_EQUAL(auditBefore, audit.size());
        const AuditTrailEntry entry = entryOf(runs, "run-1");
        CPPUNIT_ASSERT_EQUAL(std::string("interrupted"), entry.outcome);
        CPPUNIT_ASSERT_EQUAL(std::string("import"), entry.action);
        CPPUNIT_ASSERT_EQUAL(std::string("mass"), entry.selection);
        CPPUNIT_ASSERT_EQUAL(std::string("Its host stopped."), entry.detail);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T10:00:00Z"), entry.at); // its start
        CPPUNIT_ASSERT_EQUAL(std::int64_t(42), entry.userId);
        CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), entry.userLogin);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), entry.instanceId.value());

        // Once only; a finished run and an unknown one are left alone.
        CPPUNIT_ASSERT(!runs.markInterrupted("run-1", "2026-02-01T10:10:00Z", "Again."));
        CPPUNIT_ASSERT(!runs.markInterrupted("run-2", "2026-02-01T10:10:00Z", "Finished."));
        CPPUNIT_ASSERT(!runs.markInterrupted("run-9", "2026-02-01T10:10:00Z", "Unknown."));
        CPPUNIT_ASSERT_EQUAL(auditBefore, runs.auditTrail(7, 100).size());
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), entryOf(runs, "run-2").outcome);
        CPPUNIT_ASSERT_EQUAL(std::string("Its host stopped."), runs.find("run-1")->message);
        const RunRecord finished = *runs.find("run-2");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), finished.state);
        CPPUNIT_ASSERT_EQUAL(std::string("done"), finished.message);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T10:05:00Z"), finished.finishedAt.value());
    }

    void runningListsEveryRunningRunOldestFirst() {
        RunRepository runs(_db->database());
        CPPUNIT_ASSERT(runs.running().empty());
        runs.insert(run("b", 8, 1, "import", "running", "2026-02-01T12:00:00Z"));
        runs.insert(run("a", 7, 3, "get_hierarchy", "running", "2026-02-01T09:00:00Z"));
        runs.insert(run("c", 7, 3, "get_hierarchy", "succeeded"));
        runs.insert(run("d", 7, 4, "import", "running"));
        CPPUNIT_ASSERT(ids(runs.running()) == std::vector<std::string>({"b", "a", "d"}));
        runs.finish("a", "failed", "2026-02-01T12:30:00Z", "boom", "{}", "boom");
        runs.markInterrupted("d", "2026-02-01T12:31:00Z", "Its host stopped.");
        CPPUNIT_ASSERT(ids(runs.running()) == std::vector<std::string>({"b"}));
    }

    void aRunsAuditEntryIsWrittenAtItsStartAndCompletedAtItsEnd() {
        RunRepository runs(_db->database());
        runs.insert(run("imp", 7, 3, "import", "running", "2026-02-01T10:00:00Z"));
        // A host killed now leaves this entry: who started what, when.
        AuditTrailEntry started = entryOf(runs, "imp");
        CPPUNIT_ASSERT_EQUAL(std::string("running"), started.outcome);
        CPPUNIT_ASSERT_EQUAL(std::string("import"), started.action);
        CPPUNIT_ASSERT_EQUAL(std::string("mass"), started.selection);
        CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), started.userLogin);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-01T10:00:00Z"), started.at);

        runs.finish("imp", "failed", "2026-02-01T10:07:00Z", "Import failed: disk full.", "{}",
                    "Import failed: disk full. {\"tenants\":3}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), runs.auditTrail(7, 100).size());
        const AuditTrailEntry ended = entryOf(runs, "imp");
        CPPUNIT_ASSERT_EQUAL(started.id, ended.id);
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), ended.outcome);
        CPPUNIT_ASSERT_EQUAL(std::string("Import failed: disk full. {\"tenants\":3}"),
                             ended.detail);
        // An ended entry is not changed by a later mark.
        CPPUNIT_ASSERT(!runs.markInterrupted("imp", "2026-02-01T10:09:00Z", "late"));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), entryOf(runs, "imp").outcome);
    }

private:
    static AuditTrailEntry entryOf(RunRepository& runs, const std::string& runId) {
        for (const AuditTrailEntry& entry : runs.auditTrail(7, 1000))
            if (entry.runId == runId)
                return entry;
        CPPUNIT_FAIL("no audit entry of run " + runId);
        return {};
    }

    std::unique_ptr<StorageDatabase> _db;
};

CPPUNIT_TEST_SUITE_REGISTRATION(RunRepositoryTest);
