// The host's job service: one active job per (tool, organization, subject), progress, result,
// failure, cooperative cancel, organization scoping and shutdown of a tool's jobs.
#include "services/JobQueue.h"
#include "services/HostClock.h"
#include "services/HostLogger.h"
#include "services/ToolJobService.h"
#include "support/IsoTime.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using bss::sdk::JobState;

namespace {

bss::sdk::CallContext caller(std::int64_t org, const std::string& login) {
    bss::sdk::CallContext context;
    context.organization.id = org;
    context.organization.name = "Org " + std::to_string(org);
    context.organization.kind = bss::sdk::OrganizationKind::Root;
    context.user.id = 7;
    context.user.login = login;
    return context;
}

/// A gate a job waits at until the test opens it (or cancel is requested).
class Gate {
public:
    void open() {
        std::lock_guard<std::mutex> lock(_mutex);
        _open = true;
        _cv.notify_all();
    }
    void waitOrCancel(bss::sdk::JobControl& control) {
        std::unique_lock<std::mutex> lock(_mutex);
        while (!_open && !control.cancelRequested())
            _cv.wait_for(lock, std::chrono::milliseconds(5));
    }

private:
    std::mutex _mutex;
    std::condition_variable _cv;
    bool _open = false;
};

} // namespace

class JobQueueTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JobQueueTest);
    CPPUNIT_TEST(runsAJobToItsResult);
    CPPUNIT_TEST(secondJobOnTheSameSubjectConflictsSayingSinceWhenAndByWhom);
    CPPUNIT_TEST(otherOrganizationsAndSubjectsDoNotConflict);
    CPPUNIT_TEST(toolErrorFailsTheJobWithItsMessage);
    CPPUNIT_TEST(cancelStopsARunningJob);
    CPPUNIT_TEST(anotherOrganizationNeitherSeesNorCancels);
    CPPUNIT_TEST(shutdownToolCancelsAndJoinsItsJobs);
    CPPUNIT_TEST(finishedJobsAreDroppedOldestFirstAndAfterADay);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _clock.set(mockhost::parseIso("2026-01-31T10:00:00Z", "clock"));
        _logger =
            std::make_unique<mockhost::HostLogger>(std::make_shared<mockhost::LogSink>(), "test");
        _queue = std::make_unique<mockhost::JobQueue>(_clock, *_logger, 2);
        _jobs = std::make_unique<mockhost::ToolJobService>(*_queue, "tool-a");
    }
    void tearDown() override {
        _jobs.reset();
        _queue.reset();
    }

    void runsAJobToItsResult() {
        const auto alice = caller(1, "alice");
        const std::string id = _jobs->submit(alice, "count", "instance:1", [](auto& control) {
            control.reportProgress("{\"done\":1}");
            return std::string("{\"total\":3}");
        });
        const auto status = waitFinished(alice, id);
        CPPUNIT_ASSERT(status.state == JobState::Succeeded);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"total\":3}"), status.resultJson);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"done\":1}"), status.progressJson);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), status.userLogin);
        CPPUNIT_ASSERT_EQUAL(std::string("tool-a"), status.toolId);
    }

    void secondJobOnTheSameSubjectConflictsSayingSinceWhenAndByWhom() {
        Gate gate;
        const auto alice = caller(1, "alice");
        const std::string first = _jobs->submit(alice, "get-hierarchy", "instance:1", [&](auto& c) {
            gate.waitOrCancel(c);
            return std::string("{}");
        });
        try {
            _jobs->submit(caller(1, "bob"), "get-hierarchy", "instance:1",
                          [](auto&) { return std::string("{}"); });
            gate.open();
            CPPUNIT_FAIL("expected a conflict");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Conflict);
            const std::string message = e.what();
            CPPUNIT_ASSERT_MESSAGE(message,
                                   message.find("2026-01-31T10:00:00Z") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(message, message.find("alice") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(message, message.find(first) != std::string::npos);
        }
        gate.open();
        waitFinished(alice, first);
        // Once finished, the subject is free again.
        const std::string again = _jobs->submit(alice, "get-hierarchy", "instance:1",
                                                [](auto&) { return std::string("{}"); });
        CPPUNIT_ASSERT(waitFinished(alice, again).state == JobState::Succeeded);
    }

    void otherOrganizationsAndSubjectsDoNotConflict() {
        Gate gate;
        auto blocked = [&](bss::sdk::JobControl& c) {
            gate.waitOrCancel(c);
            return std::string("{}");
        };
        const auto alice = caller(1, "alice");
        const auto carol = caller(2, "carol");
        const std::string a = _jobs->submit(alice, "k", "instance:1", blocked);
        const std::string b = _jobs->submit(carol, "k", "instance:1", blocked);
        const std::string c = _jobs->submit(alice, "k", "instance:2", blocked);
        gate.open();
        CPPUNIT_ASSERT(waitFinished(alice, a).state == JobState::Succeeded);
        CPPUNIT_ASSERT(waitFinished(carol, b).state == JobState::Succeeded);
        CPPUNIT_ASSERT(waitFinished(alice, c).state == JobState::Succeeded);
    }

    void toolErrorFailsTheJobWithItsMessage() {
        const auto alice = caller(1, "alice");
        const std::string id = _jobs->submit(alice, "k", "s", [](auto&) -> std::string {
            throw bss::sdk::ToolError(bss::sdk::ErrorCode::UpstreamFailure,
                                      "Partner Center answered 503.");
        });
        const auto status = waitFinished(alice, id);
        CPPUNIT_ASSERT(status.state == JobState::Failed);
        CPPUNIT_ASSERT_EQUAL(std::string("Partner Center answered 503."), status.error);
    }

    void cancelStopsARunningJob() {
        std::atomic<bool> started{false};
        const auto alice = caller(1, "alice");
        const std::string id = _jobs->submit(alice, "k", "s", [&](bss::sdk::JobControl& c) {
            started = true;
            while (!c.cancelRequested())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            return std::string("{\"stoppedEarly\":true}");
        });
        while (!started)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        CPPUNIT_ASSERT(_jobs->cancel(alice, id));
        const auto status = waitFinished(alice, id);
        CPPUNIT_ASSERT(status.state == JobState::Cancelled);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"stoppedEarly\":true}"), status.resultJson);
        CPPUNIT_ASSERT(!_jobs->cancel(alice, id)); // already finished
    }

    void anotherOrganizationNeitherSeesNorCancels() {
        Gate gate;
        const auto alice = caller(1, "alice");
        const auto carol = caller(2, "carol");
        const std::string id = _jobs->submit(alice, "k", "s", [&](auto& c) {
            gate.waitOrCancel(c);
            return std::string("{}");
        });
        CPPUNIT_ASSERT(!_jobs->status(carol, id).has_value());
        CPPUNIT_ASSERT(!_jobs->cancel(carol, id));
        CPPUNIT_ASSERT(_jobs->list(carol, 10).empty());
        mockhost::ToolJobService otherTool(*_queue, "tool-b");
        CPPUNIT_ASSERT(!otherTool.status(alice, id).has_value());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), _jobs->list(alice, 10).size());
        gate.open();
        CPPUNIT_ASSERT(waitFinished(alice, id).state == JobState::Succeeded);
    }

    void shutdownToolCancelsAndJoinsItsJobs() {
        std::atomic<int> running{0};
        const auto alice = caller(1, "alice");
        std::vector<std::string> ids;
        for (int i = 0; i < 4; ++i) // 2 workers: two run, two stay queued
            ids.push_back(_jobs->submit(alice, "k", "s" + std::to_string(i), [&](auto& c) {
                ++running;
                while (!c.cancelRequested())
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                --running;
                return std::string("{}");
            }));
        while (running < 2)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        _queue->shutdownTool("tool-a");
        CPPUNIT_ASSERT_EQUAL(0, running.load());
        for (const std::string& id : ids)
            CPPUNIT_ASSERT(_jobs->status(alice, id)->state == JobState::Cancelled);
        try {
            _jobs->submit(alice, "k", "late", [](auto&) { return std::string("{}"); });
            CPPUNIT_FAIL("expected Unavailable after shutdown");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Unavailable);
        }
    }

private:
    void finishedJobsAreDroppedOldestFirstAndAfterADay() {
        using mockhost::JobQueue;
        const auto alice = caller(1, "alice");
        auto at = mockhost::parseIso("2026-01-31T10:00:00Z", "clock");
        Gate gate;
        const std::string running = _jobs->submit(alice, "long", "instance:0", [&](auto& c) {
            gate.waitOrCancel(c);
            return std::string("{}");
        });
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < JobQueue::kFinishedKept; ++i) {
            _clock.set(at += std::chrono::seconds(1)); // each ends later than the one before
            ids.push_back(_jobs->submit(alice, "quick", "instance:" + std::to_string(i + 1),
                                        [](auto&) { return std::string("{}"); }));
            waitFinished(alice, ids.back());
        }
        CPPUNIT_ASSERT(_jobs->status(alice, ids.front()).has_value()); // at the cap, not past it
        _clock.set(at += std::chrono::seconds(1));
        const std::string next =
            _jobs->submit(alice, "quick", "instance:next", [](auto&) { return std::string("{}"); });
        waitFinished(alice, next);
        CPPUNIT_ASSERT(!_jobs->status(alice, ids.front()).has_value()); // the oldest went
        CPPUNIT_ASSERT(_jobs->status(alice, ids[1]).has_value());
        CPPUNIT_ASSERT(_jobs->status(alice, running).has_value()); // running: never dropped

        // A day after they ended, finished jobs go whatever their number.
        _clock.set(at + JobQueue::kFinishedKeptFor + std::chrono::seconds(1));
        const std::string later = _jobs->submit(alice, "quick", "instance:later",
                                                [](auto&) { return std::string("{}"); });
        waitFinished(alice, later);
        CPPUNIT_ASSERT(!_jobs->status(alice, ids.back()).has_value());
        CPPUNIT_ASSERT(!_jobs->status(alice, next).has_value());
        CPPUNIT_ASSERT(_jobs->status(alice, later).has_value());
        CPPUNIT_ASSERT(_jobs->status(alice, running)->state == JobState::Running);
        gate.open();
        CPPUNIT_ASSERT(waitFinished(alice, running).state == JobState::Succeeded);
    }

    bss::sdk::JobStatus waitFinished(const bss::sdk::CallContext& who, const std::string& id) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        for (;;) {
            auto status = _jobs->status(who, id);
            CPPUNIT_ASSERT(status.has_value());
            if (status->state != JobState::Queued && status->state != JobState::Running)
                return *status;
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }

    mockhost::HostClock _clock;
    std::unique_ptr<mockhost::HostLogger> _logger;
    std::unique_ptr<mockhost::JobQueue> _queue;
    std::unique_ptr<mockhost::ToolJobService> _jobs;
};

CPPUNIT_TEST_SUITE_REGISTRATION(JobQueueTest);
