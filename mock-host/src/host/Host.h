#pragma once
/// The mock host's state: database (migrated), directories, clock, log, jobs and loaded tools.
///
/// Lifecycle: construct (opens and migrates the database, optionally seeds), loadTools() once,
/// startTools(), then serve; stopTools() (or the destructor) cancels and joins each tool's jobs,
/// calls Tool::stop() and deletes the tools. Not copyable. The directories are thread-safe; the
/// tool list is fixed after startTools().
#include "auth/UserDirectory.h"
#include "db/HostDatabase.h"
#include "host/HostOptions.h"
#include "loader/LoadedTool.h"
#include "orgs/OrganizationDirectory.h"
#include "orgs/ToolEnablement.h"
#include "services/HostClock.h"
#include "services/HostInstanceDirectory.h"
#include "services/HostLogger.h"
#include "services/JobQueue.h"
#include "services/ToolServices.h"

#include <map>
#include <memory>
#include <mutex>

namespace mockhost {

struct RunningTool {
    LoadedTool loaded;
    std::unique_ptr<ToolServices> services;
};

class Host {
public:
    /// Throws std::invalid_argument for bad options, ToolError(Unavailable) when the database
    /// cannot be opened, std::runtime_error / Poco::Exception when the schema cannot be applied.
    explicit Host(HostOptions options);
    ~Host();
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;

    /// Loads the plugin folder (once; a second call does nothing) and, with --seed-demo, seeds.
    const LoadResult& loadTools();
    /// Starts every loaded tool; a tool whose start() throws is logged and dropped.
    void startTools();
    /// Stops and deletes every started tool: jobs first, then Tool::stop(). Idempotent.
    void stopTools();

    /// Seeds the demo data set (idempotent); enables the loaded tools and "import-customers".
    void seedDemo();

    /// The started tools enabled for the organization, by id (HostServices::enabledTools).
    /// Thread-safe, also while the tools start.
    std::vector<bss::sdk::ToolSummary> enabledTools(std::int64_t organizationId);

    /// The started tool with that id, or null.
    RunningTool* tool(const std::string& id);
    const std::map<std::string, RunningTool>& tools() const { return _running; }

    const HostOptions& options() const { return _options; }
    HostDatabase& database() { return *_database; }
    OrganizationDirectory& organizations() { return _organizations; }
    UserDirectory& users() { return _users; }
    ToolEnablement& enablement() { return _enablement; }
    HostInstanceDirectory& instances() { return _instances; }
    JobQueue& jobs() { return *_jobs; }
    HostClock& clock() { return _clock; }
    bss::sdk::Logger& logger() { return _logger; }
    std::shared_ptr<LogSink> sink() { return _sink; }

private:
    HostOptions _options;
    std::shared_ptr<LogSink> _sink;
    HostLogger _logger;
    HostClock _clock;
    std::unique_ptr<HostDatabase> _database;
    OrganizationDirectory _organizations;
    UserDirectory _users;
    ToolEnablement _enablement;
    HostInstanceDirectory _instances;
    std::unique_ptr<JobQueue> _jobs;
    bool _loaded = false;
    LoadResult _loadResult;
    std::map<std::string, RunningTool> _running;
    /// Guards _running's membership against enabledTools(), which a tool may call while others
    /// start; never held while a tool's code runs.
    std::mutex _runningMutex;
};

} // namespace mockhost
