#include "http/Handlers.h"

#include "support/IsoTime.h"

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {

void handleToolEnablement(HttpExchange& exchange) {
    const bss::sdk::CallContext caller = exchange.caller();
    ToolGateway::requireRootAdmin(caller);
    const std::string& toolId = exchange.segments()[3];
    Poco::JSON::Object::Ptr body = exchange.jsonBody();
    if (!body->has("organizationId") || !body->get("organizationId").isInteger())
        throw ToolError(ErrorCode::InvalidInput, "organizationId must be an integer.",
                        "organizationId");
    if (!body->has("enabled") || !body->get("enabled").isBoolean())
        throw ToolError(ErrorCode::InvalidInput, "enabled must be true or false.", "enabled");
    const std::int64_t orgId = body->getValue<Poco::Int64>("organizationId");
    const bool enabled = body->getValue<bool>("enabled");
    Host& host = exchange.services().host;
    auto org = host.organizations().byId(orgId);
    // Another root's organization answers as an unknown one: a root's admin manages its own
    // tree only, and learns nothing of the others.
    if (!org || host.organizations().rootOf(orgId) != caller.organization.id)
        throw ToolError(ErrorCode::NotFound,
                        "No organization with id " + std::to_string(orgId) + ".", "organizationId");
    host.enablement().set(orgId, toolId, enabled, formatIso(host.clock().now()));
    host.logger().info(caller.user.login + (enabled ? " enabled" : " disabled") + " tool '" +
                       toolId + "' for " + org->name);
    Poco::JSON::Object answer;
    answer.set("toolId", toolId);
    answer.set("organizationId", orgId);
    answer.set("enabled", enabled);
    exchange.sendJson(200, toJsonText(answer));
}

} // namespace mockhost
