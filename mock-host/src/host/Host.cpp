#include "host/Host.h"

#include "db/HostSchema.h"
#include "loader/PluginLoader.h"
#include "seed/DemoSeed.h"
#include "services/InstanceStore.h"
#include "support/IsoTime.h"

#include <bss/sdk/ToolError.h>

namespace mockhost {
namespace {

std::unique_ptr<HostDatabase> openDatabase(const HostOptions& options) {
    auto database = std::make_unique<HostDatabase>(DatabaseSpec::parse(options.db));
    if (!options.keyFile.empty())
        database->useKeyFile(options.keyFile);
    return database;
}

} // namespace

Host::Host(HostOptions options)
    : _options(std::move(options)), _sink(std::make_shared<LogSink>(_options.logFile)),
      _logger(_sink, "host"), _database(openDatabase(_options)), _organizations(*_database),
      _users(*_database), _enablement(*_database), _instances(*_database, _clock, &_logger) {
    if (_options.quiet)
        _sink->setMinimumLevel(bss::sdk::LogLevel::Warning);
    if (_options.clock)
        _clock.set(parseIso(*_options.clock, "--clock"));
    const int version = HostSchema(_options.schemaDir).apply(*_database, formatIso(_clock.now()));
    _logger.info("host schema at version " + std::to_string(version) + " (" +
                 _database->spec().connector + ")");
    // Rows written before the host sealed its secrets (or by hand) are sealed now, so none stays
    // readable in the database; this also makes the key file on a first start.
    if (const std::size_t sealed = InstanceStore(*_database).sealPlainSecrets())
        _logger.info("sealed the secrets of " + std::to_string(sealed) +
                     " Microsoft instance(s) stored in plain text, with the key file " +
                     _database->secrets().keyFile());
    _jobs = std::make_unique<JobQueue>(_clock, _logger);
    // Commands that load no tools (enable-tool, instance, ...) still get the demo data set;
    // loadTools() seeds again to enable the tools it found.
    if (_options.seedDemo)
        seedDemo();
}

Host::~Host() {
    stopTools();
    _jobs->shutdown();
    _database->close();
}

const LoadResult& Host::loadTools() {
    if (!_loaded) {
        _loaded = true;
        PluginLoader loader(_logger);
        _loadResult = loader.loadDirectory(_options.pluginDir);
    }
    if (_options.seedDemo && !_loadResult.tools.empty())
        seedDemo();
    return _loadResult;
}

void Host::seedDemo() {
    std::vector<std::string> toolIds{"import-customers"};
    for (const LoadedTool& loaded : _loadResult.tools)
        toolIds.push_back(loaded.descriptor.id);
    DemoSeedOptions seed;
    seed.partnerCenterUrl = _options.demoPartnerCenterUrl;
    seed.loginUrl = _options.demoLoginUrl;
    seed.toolIds = toolIds;
    seed.endpoints = _options.demoEndpoints;
    DemoSeed(*this).apply(seed);
}

void Host::startTools() {
    for (const LoadedTool& loaded : _loadResult.tools) {
        const std::string& id = loaded.descriptor.id;
        if (_running.count(id))
            continue;
        RunningTool running{
            loaded, std::make_unique<ToolServices>(id, *_database, _instances, *_jobs, _sink,
                                                   _clock, [this](std::int64_t organizationId) {
                                                       return enabledTools(organizationId);
                                                   })};
        try {
            running.loaded.tool->start(*running.services);
            _logger.info("started tool '" + id + "'");
            const std::lock_guard<std::mutex> lock(_runningMutex);
            _running.emplace(id, std::move(running));
        } catch (const bss::sdk::ToolError& e) {
            _logger.error("tool '" + id + "' did not start, not offered: " + e.what());
        } catch (const std::exception& e) {
            _logger.error("tool '" + id + "' did not start (non-ToolError, a defect): " + e.what());
        }
    }
    // The loader's copies would keep the tools alive past stopTools().
    _loadResult.tools.clear();
}

void Host::stopTools() {
    for (auto& [id, running] : _running) {
        _jobs->shutdownTool(id);
        running.loaded.tool->stop();
        _logger.info("stopped tool '" + id + "'");
    }
    // Deleting the tools releases their libraries afterwards (the deleter owns the library).
    const std::lock_guard<std::mutex> lock(_runningMutex);
    _running.clear();
    _loadResult.tools.clear();
}

std::vector<bss::sdk::ToolSummary> Host::enabledTools(std::int64_t organizationId) {
    std::vector<bss::sdk::ToolSummary> started;
    {
        const std::lock_guard<std::mutex> lock(_runningMutex);
        for (const auto& [id, running] : _running)
            started.push_back(
                {id, running.loaded.descriptor.displayName, running.loaded.descriptor.menuPath});
    }
    // The enablement rows are read outside the lock: a database call may wait.
    std::vector<bss::sdk::ToolSummary> enabled;
    for (auto& summary : started)
        if (_enablement.isEnabled(organizationId, summary.id))
            enabled.push_back(std::move(summary));
    return enabled;
}

RunningTool* Host::tool(const std::string& id) {
    auto it = _running.find(id);
    return it == _running.end() ? nullptr : &it->second;
}

} // namespace mockhost
