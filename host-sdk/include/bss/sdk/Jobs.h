#pragma once
/// Background jobs with progress and cancel, run by the host on its own worker threads.
///
/// A tool submits work as a callable; the host runs it off the request thread, records its state,
/// progress and result, and lets any permitted user of the same organization read its status or
/// cancel it. Cancel is cooperative: the work polls JobControl::cancelRequested() and returns.
///
/// Lifetime: the host cancels and joins every job of a tool before it calls Tool::stop(), so the
/// callable (plugin code) never outlives the tool. Threading: JobService is thread-safe; a
/// JobControl is used only by the job's own thread.

#include "bss/sdk/CallContext.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bss::sdk {

enum class JobState {
    Unset = 0,
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
};

inline const char* jobStateName(JobState state) {
    switch (state) {
    case JobState::Queued:
        return "queued";
    case JobState::Running:
        return "running";
    case JobState::Succeeded:
        return "succeeded";
    case JobState::Failed:
        return "failed";
    case JobState::Cancelled:
        return "cancelled";
    case JobState::Unset:
        break;
    }
    return "unset";
}

/// Handed to a running job.
class JobControl {
public:
    virtual ~JobControl() = default;
    /// True once someone asked to cancel this job; the work should stop at the next safe point.
    virtual bool cancelRequested() const = 0;
    /// Replaces the job's progress with a JSON object (counts, totals, phase). Cheap; call often.
    virtual void reportProgress(const std::string& progressJson) = 0;
};

/// What the work returns: a JSON object kept as the job's result. If the work throws ToolError the
/// job is Failed with that message; if it returns after a cancel request it is Cancelled.
using JobWork = std::function<std::string(JobControl&)>;

struct JobStatus {
    std::string id;
    std::string toolId;
    std::string kind;    ///< Chosen by the tool, e.g. "get-hierarchy".
    std::string subject; ///< Chosen by the tool, e.g. "instance:3"; see JobService::submit.
    std::int64_t organizationId = 0;
    std::int64_t userId = 0;
    std::string userLogin;
    JobState state = JobState::Unset;
    std::string progressJson; ///< Last reported progress, "{}" before any.
    std::string resultJson; ///< Set when Succeeded (and when Cancelled, if the work returned one).
    std::string error;      ///< Set when Failed.
    std::chrono::system_clock::time_point submittedAt;
    std::optional<std::chrono::system_clock::time_point> startedAt;
    std::optional<std::chrono::system_clock::time_point> finishedAt;
};

class JobService {
public:
    virtual ~JobService() = default;

    /// Queues `work` for `caller`. At most one job that is queued or running may exist per
    /// (tool, organization, subject): a second submit throws ToolError(Conflict) whose message says
    /// since when and by whom the first one runs. Returns the new job's id.
    virtual std::string submit(const CallContext& caller, const std::string& kind,
                               const std::string& subject, JobWork work) = 0;

    /// Status of a job of the caller's organization; empty when no such job is visible to caller.
    virtual std::optional<JobStatus> status(const CallContext& caller,
                                            const std::string& jobId) = 0;

    /// Jobs of the caller's organization for this tool, newest first, at most `limit`.
    virtual std::vector<JobStatus> list(const CallContext& caller, std::size_t limit) = 0;

    /// Requests cancel; false when no such job is visible to caller or it already finished.
    virtual bool cancel(const CallContext& caller, const std::string& jobId) = 0;
};

} // namespace bss::sdk
