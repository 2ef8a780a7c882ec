#include "adapter/actions/InstanceActions.h"

#include "adapter/InstanceJson.h"
#include "adapter/JsonIo.h"
#include "application/UsableInstance.h"
#include "domain/common/IsoTime.h"

#include <Poco/JSON/Array.h>

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

bss::sdk::InstanceInfo requireInstance(ToolRuntime& runtime, const bss::sdk::CallContext& caller,
                                       const Poco::JSON::Object& body) {
    return application::usableInstance(runtime.services, caller, requiredInt(body, "instanceId"));
}

std::string listInstances(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                          const Poco::JSON::Object&) {
    const auto now = runtime.services.clock().now();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const bss::sdk::InstanceInfo& info :
         runtime.services.instances().instancesFor(request.caller.organization)) {
        Poco::JSON::Object::Ptr item = instanceJson(info, now);
        const auto state = runtime.hierarchy.state({request.caller.organization.id, info.id});
        if (state && state->lastMassUpdateAt)
            item->set("lastMassUpdateAt", *state->lastMassUpdateAt);
        items->add(item);
    }
    Poco::JSON::Object result;
    result.set("instances", items);
    return toJson(result);
}

std::string lastUpdate(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                       const Poco::JSON::Object& body) {
    const bss::sdk::InstanceInfo instance = requireInstance(runtime, request.caller, body);
    const auto state = runtime.hierarchy.state({request.caller.organization.id, instance.id});
    Poco::JSON::Object result;
    result.set("instanceId", instance.id);
    result.set("lastMassUpdateAt", state && state->lastMassUpdateAt
                                       ? Poco::Dynamic::Var(*state->lastMassUpdateAt)
                                       : Poco::Dynamic::Var());
    result.set("savedAt", state ? Poco::Dynamic::Var(state->savedAt) : Poco::Dynamic::Var());
    return toJson(result);
}

} // namespace ict::adapter
