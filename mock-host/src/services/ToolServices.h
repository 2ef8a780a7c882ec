#pragma once
/// The bss::sdk::HostServices one tool gets: shared database, instances and clock, plus a job
/// service and a logger bound to the tool's id. Owned by the host; outlives the tool's stop().
#include "services/HostLogger.h"
#include "services/ToolJobService.h"

#include <bss/sdk/HostServices.h>

#include <functional>

namespace mockhost {

class ToolServices : public bss::sdk::HostServices {
public:
    /// Lists the tools enabled for an organization (HostServices::enabledTools).
    using EnabledTools = std::function<std::vector<bss::sdk::ToolSummary>(std::int64_t)>;

    ToolServices(const std::string& toolId, bss::sdk::Database& database,
                 bss::sdk::InstanceDirectory& instances, JobQueue& jobs,
                 std::shared_ptr<LogSink> sink, bss::sdk::Clock& clock, EnabledTools enabledTools)
        : _database(database), _instances(instances), _jobs(jobs, toolId),
          _logger(std::move(sink), toolId), _clock(clock), _enabledTools(std::move(enabledTools)) {}
    bss::sdk::Database& database() override { return _database; }
    bss::sdk::InstanceDirectory& instances() override { return _instances; }
    bss::sdk::JobService& jobs() override { return _jobs; }
    bss::sdk::Logger& logger() override { return _logger; }
    bss::sdk::Clock& clock() override { return _clock; }
    std::vector<bss::sdk::ToolSummary> enabledTools(std::int64_t organizationId) override {
        return _enabledTools(organizationId);
    }

private:
    bss::sdk::Database& _database;
    bss::sdk::InstanceDirectory& _instances;
    ToolJobService _jobs;
    HostLogger _logger;
    bss::sdk::Clock& _clock;
    EnabledTools _enabledTools;
};

} // namespace mockhost
