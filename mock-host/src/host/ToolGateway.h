#pragma once
/// The host's checks in front of a tool, shared by HTTP and the `action` command.
///
/// Order, before the tool sees a call: the user exists (else Unauthenticated), the tool is
/// started and enabled for the user's organization (else NotFound: a tool not enabled is neither
/// listed nor callable), the user holds the tool's requiredPermission (else Forbidden), the action
/// is one the tool declares (else NotFound). Thread-safe.
#include "host/Host.h"

#include <bss/sdk/Tool.h>

#include <string>
#include <vector>

namespace mockhost {

class ToolGateway {
public:
    explicit ToolGateway(Host& host) : _host(host) {}

    /// The caller as the host knows it now (organization, permissions). Throws
    /// ToolError(Unauthenticated) when the user or its organization no longer exists.
    bss::sdk::CallContext contextForUser(std::int64_t userId, const std::string& requestId);
    /// Same by login; throws ToolError(Unauthenticated) naming the login when unknown.
    bss::sdk::CallContext contextForLogin(const std::string& login, const std::string& requestId);

    /// Tools enabled for the caller's organization whose required permission the caller holds.
    std::vector<bss::sdk::ToolDescriptor> visibleTools(const bss::sdk::CallContext& caller);

    /// Runs the checks, then Tool::handle. Throws ToolError; a non-ToolError escaping the tool is
    /// logged (it is a defect) and rethrown as ToolError(Internal).
    std::string invoke(const bss::sdk::CallContext& caller, const std::string& toolId,
                       const std::string& action, const std::string& bodyJson);

    /// Runs the same checks for a streamed action (one of the tool's streamedActions()), then
    /// Tool::stream into `out`. Throws ToolError (before anything was written, or after, when the
    /// tool failed mid-stream: the caller must then cut the answer off).
    void stream(const bss::sdk::CallContext& caller, const std::string& toolId,
                const std::string& action, const std::string& bodyJson,
                bss::sdk::ResponseStream& out);

    /// The same checks as invoke() without an action: the tool is enabled for the caller's
    /// organization (else NotFound) and the caller holds its required permission (else
    /// Forbidden). For host endpoints about a tool's work, such as its jobs.
    void requireToolAccess(const bss::sdk::CallContext& caller, const std::string& toolId);

    /// True when `action` is one of the tool's streamed actions (the tool not checked for the
    /// caller: for routing only).
    bool isStreamed(const std::string& toolId, const std::string& action);

    /// Throws ToolError(Forbidden) unless the caller is in a root organization and holds
    /// system_admin (host administration).
    static void requireRootAdmin(const bss::sdk::CallContext& caller);

    /// {"error":{"code":..,"message":..,"field":..[,"details":{..}]}}
    static std::string errorJson(const bss::sdk::ToolError& error);

    /// A new random id for log correlation.
    static std::string newRequestId();

private:
    RunningTool& checkedTool(const bss::sdk::CallContext& caller, const std::string& toolId);
    /// Calls `call` (a Tool method) with the firewall: ToolError passes, anything else is logged
    /// as the tool's defect and becomes ToolError(Internal).
    template <typename Call>
    auto firewall(const bss::sdk::CallContext& caller, const std::string& toolId,
                  const std::string& action, Call call);
    Host& _host;
};

} // namespace mockhost
