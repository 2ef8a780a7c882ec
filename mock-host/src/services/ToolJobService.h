#pragma once
/// bss::sdk::JobService for one tool: JobQueue calls with the tool's id filled in.
#include "services/JobQueue.h"

namespace mockhost {

class ToolJobService : public bss::sdk::JobService {
public:
    ToolJobService(JobQueue& queue, std::string toolId)
        : _queue(queue), _toolId(std::move(toolId)) {}
    std::string submit(const bss::sdk::CallContext& caller, const std::string& kind,
                       const std::string& subject, bss::sdk::JobWork work) override {
        return _queue.submit(_toolId, caller, kind, subject, std::move(work));
    }
    std::optional<bss::sdk::JobStatus> status(const bss::sdk::CallContext& caller,
                                              const std::string& jobId) override {
        return _queue.status(_toolId, caller, jobId);
    }
    std::vector<bss::sdk::JobStatus> list(const bss::sdk::CallContext& caller,
                                          std::size_t limit) override {
        return _queue.list(_toolId, caller, limit);
    }
    bool cancel(const bss::sdk::CallContext& caller, const std::string& jobId) override {
        return _queue.cancel(_toolId, caller, jobId);
    }

private:
    JobQueue& _queue;
    std::string _toolId;
};

} // namespace mockhost
