#pragma once
/// The host's background jobs for all tools: a fixed pool of worker threads and an in-memory
/// job table. Tools reach it through ToolJobService (one per tool, which adds the tool id).
///
/// Rules: at most one queued or running job per (tool, organization, subject); status, list and
/// cancel see only jobs of the caller's organization and tool. shutdownTool() cancels and joins
/// every job of a tool (the host calls it before Tool::stop()). Thread-safe.
///
/// A finished job stays visible for kFinishedKeptFor after it ended, and at most kFinishedKept
/// finished jobs are held (the oldest dropped first), so the table does not grow with the host's
/// uptime; a job still queued or running is never dropped. Tools keep their own run records.
#include <bss/sdk/Clock.h>
#include <bss/sdk/Jobs.h>
#include <bss/sdk/Logger.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace mockhost {

class JobQueue {
public:
    static constexpr std::size_t kFinishedKept = 1000;
    static constexpr std::chrono::hours kFinishedKeptFor{24};

    JobQueue(bss::sdk::Clock& clock, bss::sdk::Logger& logger, std::size_t workers = 4);
    /// Calls shutdown().
    ~JobQueue();
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    std::string submit(const std::string& toolId, const bss::sdk::CallContext& caller,
                       const std::string& kind, const std::string& subject, bss::sdk::JobWork work);
    std::optional<bss::sdk::JobStatus> status(const std::string& toolId,
                                              const bss::sdk::CallContext& caller,
                                              const std::string& jobId);
    /// Any tool's job of the caller's organization (the host's own /api/jobs view).
    std::optional<bss::sdk::JobStatus> statusForOrganization(std::int64_t organizationId,
                                                             const std::string& jobId);
    std::vector<bss::sdk::JobStatus> list(const std::string& toolId,
                                          const bss::sdk::CallContext& caller, std::size_t limit);
    bool cancel(const std::string& toolId, const bss::sdk::CallContext& caller,
                const std::string& jobId);
    /// Any tool's job of the organization; false when not visible or already finished.
    bool cancelForOrganization(std::int64_t organizationId, const std::string& jobId);

    /// Cancels the queued jobs of `toolId`, requests cancel of its running ones and waits until
    /// none runs. New submits for the tool are refused (Unavailable) from then on.
    void shutdownTool(const std::string& toolId);
    /// Cancels everything and joins the workers. Idempotent.
    void shutdown();

private:
    struct Job;
    class Control;
    void workerLoop();
    void run(const std::shared_ptr<Job>& job);
    bool requestCancel(const std::shared_ptr<Job>& job);
    /// Drops finished jobs past their keeping time or the count; the caller holds _mutex.
    void evictFinished();

    bss::sdk::Clock& _clock;
    bss::sdk::Logger& _logger;
    std::mutex _mutex;
    std::condition_variable _wake;     ///< Workers wait for queued jobs or stop.
    std::condition_variable _finished; ///< shutdownTool waits for running jobs.
    std::map<std::string, std::shared_ptr<Job>> _jobs;
    std::deque<std::shared_ptr<Job>> _queue;
    std::vector<std::string> _stoppedTools;
    std::vector<std::thread> _workers;
    bool _stopping = false;
};

} // namespace mockhost
