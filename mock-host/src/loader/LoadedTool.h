#pragma once
/// What the loader hands the host for one tool library, and what it refused.
#include <bss/sdk/Tool.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mockhost {

struct LoadedTool {
    /// The tool; its deleter deletes it (plugin code) and only then releases the library, so the
    /// library never unloads before the object. Copies share the one object.
    std::shared_ptr<bss::sdk::Tool> tool;
    bss::sdk::ToolDescriptor descriptor;
    /// Tool::streamedActions() of a tool of ABI 1.1 or later; empty for older tools, which the
    /// host never asks (their vtable has no such entry).
    std::vector<bss::sdk::ActionDescriptor> streamedActions;
    std::uint32_t abiMajor = 0;
    std::uint32_t abiMinor = 0;
    std::string file;     ///< File name inside the plugin folder.
    std::string manifest; ///< The manifest's file name, or "" when the library had none.
};

struct RefusedFile {
    std::string file;   ///< File name inside the plugin folder.
    std::string reason; ///< Why it was not loaded, for logs and `mock-host plugins`.
};

struct LoadResult {
    std::vector<LoadedTool> tools;
    std::vector<RefusedFile> refused;
};

} // namespace mockhost
