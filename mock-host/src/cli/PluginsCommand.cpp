#include "cli/Commands.h"
#include "loader/PluginLoader.h"
#include "services/HostLogger.h"

#include <iostream>

namespace mockhost {

int runPlugins(const CommandLine& line) {
    line.allowOnly({});
    const HostOptions options = line.hostOptions();
    auto sink = std::make_shared<LogSink>(options.logFile);
    HostLogger logger(sink, "host");
    PluginLoader loader(logger);
    const LoadResult result = loader.loadDirectory(options.pluginDir);
    for (const LoadedTool& tool : result.tools)
        std::cout << "loaded " << tool.descriptor.id << " \"" << tool.descriptor.displayName
                  << "\" version " << tool.descriptor.version << " abi " << tool.abiMajor << "."
                  << tool.abiMinor << " file " << tool.file << " manifest "
                  << (tool.manifest.empty() ? "none" : tool.manifest) << "\n";
    for (const RefusedFile& refused : result.refused)
        std::cout << "refused " << refused.file << ": " << refused.reason << "\n";
    std::cout << std::flush;
    return 0;
}

} // namespace mockhost
