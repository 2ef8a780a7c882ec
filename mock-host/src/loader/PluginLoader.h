#pragma once
/// Loads tool libraries with Boost.DLL. The only place in the host that calls Boost.DLL.
///
/// First the folder: it must be owned by root or the host's user and not writable by others
/// (PluginFileCheck.h), or nothing is loaded. Then manifests (`*.json`, see PluginManifest.h),
/// each checked the same way and read before any library is opened. A manifest is refused, and
/// the library it names is not opened, when it is malformed, names a library missing from the
/// folder, names a library another manifest names, or declares another ABI major or a newer ABI
/// minor than the host's. Then every other entry of the folder, in name order: a symbolic link,
/// a file not named `*.so`, owned by someone else or writable by others, or named by no accepted
/// manifest is refused without being opened; the rest are opened with rtld_now | rtld_local. A
/// library is refused when it is not a library, lacks bss_tool_abi_info or bss_tool_create,
/// reports another ABI major, a newer ABI minor or another build fingerprint, disagrees with its
/// manifest (ABI, id, version, display name, required permission; naming both values and the
/// manifest), repeats a tool id already loaded, or its create returns null. Every refusal is
/// logged by file name with the reason and listed in LoadResult::refused. The ABI info is read
/// before create runs. Libraries stay loaded as long as their tool.
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

    /// Tries every entry of `directory` as above. A missing folder is logged and yields nothing.
    /// Throws std::logic_error when called a second time in the process.
    LoadResult loadDirectory(const std::string& directory);

private:
    bss::sdk::Logger& _logger;
};

} // namespace mockhost
