#include "http/Handlers.h"

#include <Poco/JSON/Array.h>

namespace mockhost {

void handleListTools(HttpExchange& exchange) {
    const bss::sdk::CallContext caller = exchange.caller();
    Poco::JSON::Array::Ptr tools = new Poco::JSON::Array;
    for (const bss::sdk::ToolDescriptor& d : exchange.services().gateway.visibleTools(caller)) {
        Poco::JSON::Object::Ptr tool = new Poco::JSON::Object;
        tool->set("id", d.id);
        tool->set("displayName", d.displayName);
        tool->set("menuPath", d.menuPath);
        tool->set("version", d.version);
        Poco::JSON::Array::Ptr actions = new Poco::JSON::Array;
        for (const bss::sdk::ActionDescriptor& a : d.actions) {
            Poco::JSON::Object::Ptr action = new Poco::JSON::Object;
            action->set("name", a.name);
            action->set("description", a.description);
            actions->add(action);
        }
        tool->set("actions", actions);
        tools->add(tool);
    }
    Poco::JSON::Object answer;
    answer.set("tools", tools);
    exchange.sendJson(200, toJsonText(answer));
}

void handleToolAction(HttpExchange& exchange) {
    // segments: api tools {id} actions {action}
    const bss::sdk::CallContext caller = exchange.caller();
    const std::string& toolId = exchange.segments()[2];
    const std::string& action = exchange.segments()[4];
    const std::string body = exchange.body();
    exchange.sendJson(200, exchange.services().gateway.invoke(caller, toolId, action, body));
}

} // namespace mockhost
