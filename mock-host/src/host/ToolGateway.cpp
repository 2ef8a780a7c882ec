#include "host/ToolGateway.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <sstream>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {

std::string ToolGateway::newRequestId() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

bss::sdk::CallContext ToolGateway::contextForUser(std::int64_t userId,
                                                  const std::string& requestId) {
    auto user = _host.users().byId(userId);
    if (!user)
        throw ToolError(ErrorCode::Unauthenticated, "Your session's user no longer exists.");
    auto org = _host.organizations().byId(user->organizationId);
    if (!org)
        throw ToolError(ErrorCode::Unauthenticated, "Your organization no longer exists.");
    bss::sdk::CallContext context;
    context.organization = *org;
    context.user = user->user;
    context.permissions = _host.users().permissionsOf(userId);
    context.requestId = requestId;
    return context;
}

bss::sdk::CallContext ToolGateway::contextForLogin(const std::string& login,
                                                   const std::string& requestId) {
    auto user = _host.users().byLogin(login);
    if (!user)
        throw ToolError(ErrorCode::Unauthenticated, "No user with login '" + login + "'.", "login");
    return contextForUser(user->user.id, requestId);
}

std::vector<bss::sdk::ToolDescriptor>
ToolGateway::visibleTools(const bss::sdk::CallContext& caller) {
    std::vector<bss::sdk::ToolDescriptor> result;
    for (const auto& [id, running] : _host.tools()) {
        const bss::sdk::ToolDescriptor& descriptor = running.loaded.descriptor;
        if (_host.enablement().isEnabled(caller.organization.id, id) &&
            (descriptor.requiredPermission.empty() ||
             caller.hasPermission(descriptor.requiredPermission)))
            result.push_back(descriptor);
    }
    return result;
}

RunningTool& ToolGateway::checkedTool(const bss::sdk::CallContext& caller,
                                      const std::string& toolId) {
    RunningTool* running = _host.tool(toolId);
    // Not loaded and not enabled answer alike: the organization must not learn the tool exists.
    if (!running || !_host.enablement().isEnabled(caller.organization.id, toolId))
        throw ToolError(ErrorCode::NotFound, "No tool '" + toolId + "' for your organization.",
                        "toolId");
    const std::string& permission = running->loaded.descriptor.requiredPermission;
    if (!permission.empty() && !caller.hasPermission(permission))
        throw ToolError(ErrorCode::Forbidden,
                        "The tool '" + toolId + "' requires the permission '" + permission + "'.");
    return *running;
}

void ToolGateway::requireToolAccess(const bss::sdk::CallContext& caller,
                                    const std::string& toolId) {
    checkedTool(caller, toolId);
}

template <typename Call>
auto ToolGateway::firewall(const bss::sdk::CallContext& caller, const std::string& toolId,
                           const std::string& action, Call call) {
    try {
        return call();
    } catch (const ToolError&) {
        throw;
    } catch (const std::exception& e) {
        _host.logger().error("request " + caller.requestId + ": tool '" + toolId +
                             "' let a non-ToolError escape from '" + action + "': " + e.what());
    } catch (...) {
        _host.logger().error("request " + caller.requestId + ": tool '" + toolId +
                             "' let an unknown exception escape from '" + action + "'");
    }
    throw ToolError(ErrorCode::Internal,
                    "Internal error in tool '" + toolId + "' (request " + caller.requestId + ").");
}

std::string ToolGateway::invoke(const bss::sdk::CallContext& caller, const std::string& toolId,
                                const std::string& action, const std::string& bodyJson) {
    RunningTool& running = checkedTool(caller, toolId);
    const auto& actions = running.loaded.descriptor.actions;
    if (std::none_of(actions.begin(), actions.end(),
                     [&](const bss::sdk::ActionDescriptor& a) { return a.name == action; }))
        throw ToolError(ErrorCode::NotFound,
                        "The tool '" + toolId + "' has no action '" + action + "'.", "action");
    bss::sdk::ActionRequest request{caller, action, bodyJson.empty() ? "{}" : bodyJson};
    return firewall(caller, toolId, action, [&] { return running.loaded.tool->handle(request); });
}

bool ToolGateway::isStreamed(const std::string& toolId, const std::string& action) {
    RunningTool* running = _host.tool(toolId);
    if (!running)
        return false;
    const auto& actions = running->loaded.streamedActions;
    return std::any_of(actions.begin(), actions.end(),
                       [&](const bss::sdk::ActionDescriptor& a) { return a.name == action; });
}

void ToolGateway::stream(const bss::sdk::CallContext& caller, const std::string& toolId,
                         const std::string& action, const std::string& bodyJson,
                         bss::sdk::ResponseStream& out) {
    RunningTool& running = checkedTool(caller, toolId);
    if (!isStreamed(toolId, action))
        throw ToolError(ErrorCode::NotFound,
                        "The tool '" + toolId + "' has no streamed action '" + action + "'.",
                        "action");
    bss::sdk::ActionRequest request{caller, action, bodyJson.empty() ? "{}" : bodyJson};
    firewall(caller, toolId, action, [&] { running.loaded.tool->stream(request, out); });
}

void ToolGateway::requireRootAdmin(const bss::sdk::CallContext& caller) {
    if (caller.organization.kind != bss::sdk::OrganizationKind::Root ||
        !caller.hasPermission(bss::sdk::kPermissionSystemAdmin))
        throw ToolError(ErrorCode::Forbidden,
                        "Only a System Admin of a root organization may do this.");
}

std::string ToolGateway::errorJson(const ToolError& error) {
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object;
    inner->set("code", std::string(bss::sdk::errorCodeName(error.code())));
    inner->set("message", std::string(error.what()));
    inner->set("field", error.field());
    if (!error.detailsJson().empty()) {
        try {
            inner->set("details", Poco::JSON::Parser().parse(error.detailsJson()));
        } catch (const Poco::Exception&) {
            // Malformed details are dropped rather than breaking the error answer.
        }
    }
    Poco::JSON::Object outer;
    outer.set("error", inner);
    std::ostringstream out;
    outer.stringify(out);
    return out.str();
}

} // namespace mockhost
