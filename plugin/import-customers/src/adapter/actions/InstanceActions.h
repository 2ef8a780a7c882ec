#pragma once
/// Actions about the caller's Microsoft Cloud Services instances ([S5], [S6], [S14]).

#include "adapter/ActionTable.h"

namespace ict::adapter {

/// {} -> {"instances":[{id, name, cspModel, origin, ownerOrganization, authenticated, ...}]}
std::string listInstances(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object& body);

/// {"instanceId"} -> {"lastMassUpdateAt": ISO or null, "savedAt": ISO or null}
std::string lastUpdate(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body);

/// The instance `body.instanceId` if the caller may use it; ToolError(NotFound) otherwise.
bss::sdk::InstanceInfo requireInstance(ToolRuntime& runtime, const bss::sdk::CallContext& caller,
                                       const Poco::JSON::Object& body);

} // namespace ict::adapter
