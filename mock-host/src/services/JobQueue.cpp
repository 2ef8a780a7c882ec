#include "services/JobQueue.h"

#include "support/IsoTime.h"

#include <bss/sdk/ToolError.h>

#include <Poco/UUIDGenerator.h>

#include <algorithm>

using bss::sdk::ErrorCode;
using bss::sdk::JobState;
using bss::sdk::JobStatus;
using bss::sdk::ToolError;

namespace mockhost {

struct JobQueue::Job {
    JobStatus status;
    bss::sdk::JobWork work;
    std::atomic<bool> cancelRequested{false};
};

class JobQueue::Control : public bss::sdk::JobControl {
public:
    Control(JobQueue& queue, std::shared_ptr<Job> job) : _queue(queue), _job(std::move(job)) {}
    bool cancelRequested() const override { return _job->cancelRequested.load(); }
    void reportProgress(const std::string& progressJson) override {
        std::lock_guard<std::mutex> lock(_queue._mutex);
        _job->status.progressJson = progressJson;
    }

private:
    JobQueue& _queue;
    std::shared_ptr<Job> _job;
};

namespace {

bool active(JobState state) {
    return state == JobState::Queued || state == JobState::Running;
}

} // namespace

JobQueue::JobQueue(bss::sdk::Clock& clock, bss::sdk::Logger& logger, std::size_t workers)
    : _clock(clock), _logger(logger) {
    for (std::size_t i = 0; i < workers; ++i)
        _workers.emplace_back([this] { workerLoop(); });
}

JobQueue::~JobQueue() {
    shutdown();
}

std::string JobQueue::submit(const std::string& toolId, const bss::sdk::CallContext& caller,
                             const std::string& kind, const std::string& subject,
                             bss::sdk::JobWork work) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_stopping || std::count(_stoppedTools.begin(), _stoppedTools.end(), toolId))
        throw ToolError(ErrorCode::Unavailable, "The host is stopping; no new jobs are accepted.");
    for (const auto& [id, job] : _jobs) {
        const JobStatus& s = job->status;
        if (active(s.state) && s.toolId == toolId && s.organizationId == caller.organization.id &&
            s.subject == subject)
            throw ToolError(ErrorCode::Conflict,
                            "A '" + s.kind + "' job for " + subject + " is already " +
                                bss::sdk::jobStateName(s.state) + " since " +
                                formatIso(s.startedAt.value_or(s.submittedAt)) + ", started by " +
                                s.userLogin + " (job " + s.id + ").",
                            "", "{\"jobId\":\"" + s.id + "\"}");
    }
    auto job = std::make_shared<Job>();
    job->status.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    job->status.toolId = toolId;
    job->status.kind = kind;
    job->status.subject = subject;
    job->status.organizationId = caller.organization.id;
    job->status.userId = caller.user.id;
    job->status.userLogin = caller.user.login;
    job->status.state = JobState::Queued;
    job->status.progressJson = "{}";
    job->status.submittedAt = _clock.now();
    job->work = std::move(work);
    evictFinished();
    _jobs[job->status.id] = job;
    _queue.push_back(job);
    _wake.notify_one();
    return job->status.id;
}

void JobQueue::workerLoop() {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _wake.wait(lock, [this] { return _stopping || !_queue.empty(); });
            if (_queue.empty())
                return;
            job = _queue.front();
            _queue.pop_front();
            job->status.state = JobState::Running;
            job->status.startedAt = _clock.now();
        }
        run(job);
    }
}

void JobQueue::run(const std::shared_ptr<Job>& job) {
    Control control(*this, job);
    std::string result;
    std::string error;
    bool failed = false;
    try {
        result = job->work(control);
    } catch (const ToolError& e) {
        failed = true;
        error = e.what();
    } catch (const std::exception& e) {
        // Only ToolError may leave tool code; anything else is a defect of the tool.
        failed = true;
        error = "Internal error in the job.";
        _logger.error("job " + job->status.id + " of " + job->status.toolId +
                      " threw a non-ToolError: " + e.what());
    } catch (...) {
        failed = true;
        error = "Internal error in the job.";
        _logger.error("job " + job->status.id + " of " + job->status.toolId +
                      " threw an unknown exception");
    }
    std::lock_guard<std::mutex> lock(_mutex);
    job->status.finishedAt = _clock.now();
    if (failed) {
        job->status.state = JobState::Failed;
        job->status.error = error;
    } else {
        job->status.state = job->cancelRequested ? JobState::Cancelled : JobState::Succeeded;
        job->status.resultJson = result;
    }
    job->work = nullptr; // plugin code must not outlive the tool
    _finished.notify_all();
}

std::optional<JobStatus> JobQueue::status(const std::string& toolId,
                                          const bss::sdk::CallContext& caller,
                                          const std::string& jobId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _jobs.find(jobId);
    if (it == _jobs.end() || it->second->status.toolId != toolId ||
        it->second->status.organizationId != caller.organization.id)
        return std::nullopt;
    return it->second->status;
}

std::optional<JobStatus> JobQueue::statusForOrganization(std::int64_t organizationId,
                                                         const std::string& jobId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _jobs.find(jobId);
    if (it == _jobs.end() || it->second->status.organizationId != organizationId)
        return std::nullopt;
    return it->second->status;
}

std::vector<JobStatus> JobQueue::list(const std::string& toolId,
                                      const bss::sdk::CallContext& caller, std::size_t limit) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<JobStatus> result;
    for (const auto& [id, job] : _jobs) {
        if (job->status.toolId == toolId && job->status.organizationId == caller.organization.id)
            result.push_back(job->status);
    }
    std::sort(result.begin(), result.end(),
              [](const JobStatus& a, const JobStatus& b) { return a.submittedAt > b.submittedAt; });
    if (result.size() > limit)
        result.resize(limit);
    return result;
}

bool JobQueue::requestCancel(const std::shared_ptr<Job>& job) {
    // Called with _mutex held.
    if (job->status.state == JobState::Queued) {
        _queue.erase(std::remove(_queue.begin(), _queue.end(), job), _queue.end());
        job->status.state = JobState::Cancelled;
        job->status.finishedAt = _clock.now();
        job->work = nullptr;
        return true;
    }
    if (job->status.state == JobState::Running) {
        job->cancelRequested = true;
        return true;
    }
    return false;
}

bool JobQueue::cancel(const std::string& toolId, const bss::sdk::CallContext& caller,
                      const std::string& jobId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _jobs.find(jobId);
    if (it == _jobs.end() || it->second->status.toolId != toolId ||
        it->second->status.organizationId != caller.organization.id)
        return false;
    return requestCancel(it->second);
}

bool JobQueue::cancelForOrganization(std::int64_t organizationId, const std::string& jobId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _jobs.find(jobId);
    if (it == _jobs.end() || it->second->status.organizationId != organizationId)
        return false;
    return requestCancel(it->second);
}

void JobQueue::shutdownTool(const std::string& toolId) {
    std::unique_lock<std::mutex> lock(_mutex);
    _stoppedTools.push_back(toolId);
    for (auto& [id, job] : _jobs) {
        if (job->status.toolId == toolId)
            requestCancel(job);
    }
    _finished.wait(lock, [&] {
        return std::none_of(_jobs.begin(), _jobs.end(), [&](const auto& entry) {
            return entry.second->status.toolId == toolId && active(entry.second->status.state);
        });
    });
}

void JobQueue::shutdown() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (_stopping && _workers.empty())
            return;
        _stopping = true;
        for (auto& [id, job] : _jobs)
            requestCancel(job);
    }
    _wake.notify_all();
    for (std::thread& worker : _workers)
        worker.join();
    _workers.clear();
}

void JobQueue::evictFinished() {
    const auto now = _clock.now();
    std::vector<std::pair<std::chrono::system_clock::time_point, std::string>> finished;
    for (auto it = _jobs.begin(); it != _jobs.end();) {
        const JobStatus& s = it->second->status;
        if (active(s.state) || !s.finishedAt) {
            ++it;
        } else if (now - *s.finishedAt > kFinishedKeptFor) {
            it = _jobs.erase(it);
        } else {
            finished.emplace_back(*s.finishedAt, it->first);
            ++it;
        }
    }
    if (finished.size() < kFinishedKept)
        return;
    // Room for the one being submitted: keep kFinishedKept - 1 of the newest.
    const std::size_t drop = finished.size() - (kFinishedKept - 1);
    std::nth_element(finished.begin(), finished.begin() + static_cast<std::ptrdiff_t>(drop),
                     finished.end());
    for (std::size_t i = 0; i < drop; ++i)
        _jobs.erase(finished[i].second);
}

} // namespace mockhost
