#pragma once
/// The instance a caller names, if the host lets the caller's organization use it ([S14]).

#include <bss/sdk/CallContext.h>
#include <bss/sdk/HostServices.h>

#include <cstdint>

namespace ict::application {

/// Throws ToolError(NotFound, field "instanceId") when the organization may not use it.
bss::sdk::InstanceInfo usableInstance(bss::sdk::HostServices& services,
                                      const bss::sdk::CallContext& caller, std::int64_t instanceId);

} // namespace ict::application
