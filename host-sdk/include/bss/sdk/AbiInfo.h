#pragma once
/// What a tool library exports, and the order in which a host reads it.
///
/// A tool library exports two functions through Boost.DLL aliases (see ToolExport.h):
///  - `bss_tool_abi_info`: `const bss::sdk::AbiInfo* ()`. Must run no code beyond returning a
///    pointer to static constant data. The host calls it first and checks the ABI before anything
///    else is created.
///  - `bss_tool_create`: `bss::sdk::Tool* ()`. Called only after the ABI check passed. Returns a
///    new Tool the host owns; the host deletes it (through the virtual destructor, so the delete
///    runs plugin code) before it unloads the library.

#include <cstdint>

namespace bss::sdk {

/// Static, immutable description of a tool library. Plain data so that a host of any later ABI
/// can read the leading fields: structSize first, then the versions.
struct AbiInfo {
    std::uint32_t structSize;     ///< sizeof(AbiInfo) as the tool saw it.
    std::uint32_t abiMajor;       ///< kAbiMajor the tool was compiled against.
    std::uint32_t abiMinor;       ///< kAbiMinor the tool was compiled against.
    const char* sdkVersion;       ///< kSdkVersion the tool was compiled against.
    const char* toolId;           ///< Stable id, e.g. "import-customers".
    const char* toolVersion;      ///< Semantic version of the tool.
    const char* buildFingerprint; ///< BSS_SDK_BUILD_FINGERPRINT as the tool saw it.
};

/// Export names (Boost.DLL alias names) and the ELF section that holds them.
inline constexpr const char* kAbiInfoExport = "bss_tool_abi_info";
inline constexpr const char* kCreateExport = "bss_tool_create";
inline constexpr const char* kExportSection = "bsstool";

} // namespace bss::sdk
