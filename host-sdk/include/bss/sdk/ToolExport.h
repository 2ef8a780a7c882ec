#pragma once
/// Declares the exports of a tool library. Use once, in one .cpp file of the library:
///
///     BSS_DECLARE_TOOL(myns::makeAbiInfo, myns::createTool)
///
/// where `const bss::sdk::AbiInfo* makeAbiInfo()` returns static constant data and
/// `bss::sdk::Tool* createTool()` returns a new tool (the host deletes it). Both functions must
/// not throw. The aliases are placed in the `bsstool` section so a host can see a library is a
/// tool before running any of its code.

#include "bss/sdk/AbiInfo.h"
#include "bss/sdk/Tool.h"
#include "bss/sdk/Version.h"

#include <boost/dll/alias.hpp>

#define BSS_DECLARE_TOOL(abiInfoFunction, createFunction)                                          \
    BOOST_DLL_ALIAS_SECTIONED(abiInfoFunction, bss_tool_abi_info, bsstool)                         \
    BOOST_DLL_ALIAS_SECTIONED(createFunction, bss_tool_create, bsstool)

/// The AbiInfo a tool built against this SDK reports.
#define BSS_SDK_ABI_INFO(toolIdLiteral, toolVersionLiteral)                                        \
    bss::sdk::AbiInfo {                                                                            \
        sizeof(bss::sdk::AbiInfo), bss::sdk::kAbiMajor, bss::sdk::kAbiMinor,                       \
            bss::sdk::kSdkVersion, toolIdLiteral, toolVersionLiteral, BSS_SDK_BUILD_FINGERPRINT    \
    }
