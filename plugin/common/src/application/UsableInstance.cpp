#include "application/UsableInstance.h"

#include <bss/sdk/ToolError.h>

namespace ict::application {

bss::sdk::InstanceInfo usableInstance(bss::sdk::HostServices& services,
                                      const bss::sdk::CallContext& caller,
                                      std::int64_t instanceId) {
    for (const bss::sdk::InstanceInfo& info :
         services.instances().instancesFor(caller.organization))
        if (info.id == instanceId)
            return info;
    throw bss::sdk::ToolError(bss::sdk::ErrorCode::NotFound,
                              "Instance " + std::to_string(instanceId) +
                                  " is not available to this organization.",
                              "instanceId");
}

} // namespace ict::application
