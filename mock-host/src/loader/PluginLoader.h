#pragma once
/// Loads tool libraries with Boost.DLL. The only place in the host that calls Boost.DLL.
///
/// Every regular file of the folder is tried, in name order, with rtld_now | rtld_local. A file
/// is refused (logged by name with the reason, and listed in LoadResult::refused) when it is not
/// a library, lacks bss_tool_abi_info or bss_tool_create, reports another ABI major, a newer ABI
/// minor or another build fingerprint, repeats a tool id already loaded, or its create returns
/// null. The ABI info is read before create runs. Libraries stay loaded as long as their tool.
///
/// Load once per process: glibc often keeps a library mapped after dlclose, so a second load in
/// the same process would see the first one's static state.
#include "loader/LoadedTool.h"

#include <bss/sdk/Logger.h>

#include <string>

namespace mockhost {

class PluginLoader {
public:
    explicit PluginLoader(bss::sdk::Logger& logger) : _logger(logger) {}

    /// Tries every regular file of `directory`. A missing folder is logged and yields nothing.
    /// Throws std::logic_error when called a second time in the process.
    LoadResult loadDirectory(const std::string& directory);

private:
    bss::sdk::Logger& _logger;
};

} // namespace mockhost
