#pragma once
/// Host SDK version and ABI version.
///
/// The ABI version describes the binary contract between a host and a tool library: the layout of
/// AbiInfo, the Tool and HostServices vtables, the value types in this SDK and the ownership rules
/// written in their headers.
///  - kAbiMajor rises on any incompatible change (a signature, a struct layout, a vtable order, an
///    ownership rule). A host refuses a tool whose major differs from its own.
///  - kAbiMinor rises on compatible additions: a new optional export, a virtual function appended
///    to the end of an interface the host implements (a tool may call it, since a host refuses a
///    tool whose minor is newer than its own), or a virtual function appended to the end of Tool
///    (a host calls it only on a tool whose AbiInfo minor is at least the one that added it).
///    Each addition names the minor that added it ("since ABI 1.1"). A new host schema version
///    (host-sdk/schema/, compatible: new tables or columns with defaults) is such an addition too,
///    so a tool that relies on it is refused by a host that lacks it: 1.3 = schema version 3
///    (product_billing_plans.charge_model, usage billed in arrears).
/// kSdkVersion is the semantic version of the SDK package; it is informative and never checked.

#include <cstdint>

namespace bss::sdk {

inline constexpr std::uint32_t kAbiMajor = 1;
inline constexpr std::uint32_t kAbiMinor = 3;
inline constexpr const char* kSdkVersion = "1.3.0";

} // namespace bss::sdk

#define BSS_SDK_STRINGIFY_(x) #x
#define BSS_SDK_STRINGIFY(x) BSS_SDK_STRINGIFY_(x)

/// The toolchain facts that must agree between host and tool for C++ types (std::string,
/// std::function, Poco::Data::Session) to cross the boundary safely. Compiled into both sides;
/// the host refuses a tool whose fingerprint differs from its own.
#define BSS_SDK_BUILD_FINGERPRINT                                                                  \
    "gcc-" BSS_SDK_STRINGIFY(__GNUC__) ";cxx11abi=" BSS_SDK_STRINGIFY(                             \
        _GLIBCXX_USE_CXX11_ABI) ";cxx=" BSS_SDK_STRINGIFY(__cplusplus)
