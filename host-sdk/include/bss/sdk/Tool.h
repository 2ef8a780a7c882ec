#pragma once
/// The interface a tool library implements.
///
/// Lifecycle, all driven by the host:
///  1. create (the `bss_tool_create` export, after the ABI check, see AbiInfo.h);
///  2. descriptor(), at any time, any thread;
///  3. start(services) once, before any action; the tool migrates its own tables here;
///  4. handle(request) any number of times, from several threads at once;
///  5. stop() once; after it returns the tool runs no thread and holds no host reference;
///  6. delete, then the library may be unloaded.
///
/// Errors: start() and handle() throw only bss::sdk::ToolError. Nothing else crosses the boundary.
/// The host checks, before handle() is called, that the tool is enabled for the caller's
/// organization and that the caller holds descriptor().requiredPermission.

#include "bss/sdk/CallContext.h"
#include "bss/sdk/HostServices.h"
#include "bss/sdk/ResponseStream.h"
#include "bss/sdk/ToolError.h"

#include <string>
#include <vector>

namespace bss::sdk {

/// One action a tool offers, e.g. "list-instances".
struct ActionDescriptor {
    std::string name;        ///< Lower-case, dash-separated; part of the host's URL.
    std::string description; ///< One line, for the host's help and command line.
};

struct ToolDescriptor {
    std::string id;                 ///< Stable, e.g. "import-customers"; equals AbiInfo::toolId.
    std::string displayName;        ///< e.g. "Import Customers Tool".
    std::string version;            ///< Semantic version; equals AbiInfo::toolVersion.
    std::string menuPath;           ///< Where the host lists it, e.g. "BSS Setup > Tools".
    std::string requiredPermission; ///< e.g. kPermissionSystemAdmin.
    std::vector<ActionDescriptor> actions;
};

/// One call of an action. References are valid for the duration of handle() only.
struct ActionRequest {
    const CallContext& caller;
    std::string action;   ///< One of descriptor().actions.
    std::string bodyJson; ///< A JSON object ("{}" when the caller sent none).
};

class Tool {
public:
    virtual ~Tool() = default;

    virtual ToolDescriptor descriptor() const = 0;

    /// Prepares the tool: keeps `services`, migrates its tables. Throws ToolError when it cannot
    /// run; the host then logs the message and does not offer the tool.
    virtual void start(HostServices& services) = 0;

    /// Stops background work the tool owns and releases host references. Never throws.
    virtual void stop() noexcept = 0;

    /// Runs one action and returns a JSON object (the HTTP 200 body). Throws ToolError.
    virtual std::string handle(const ActionRequest& request) = 0;

    // ---- since ABI 1.1: a host calls these only on a tool whose AbiInfo minor is 1 or more ----

    /// The actions whose answer is streamed (an export of any size) rather than returned whole;
    /// their names differ from descriptor().actions'. The host runs them with stream(), after the
    /// same checks as handle() (enabled for the organization, the required permission).
    virtual std::vector<ActionDescriptor> streamedActions() const { return {}; }

    /// Runs a streamed action: calls out.begin() once, then out.write() any number of times, from
    /// this thread, and returns. Throws ToolError before begin() when the request is refused (the
    /// host answers with that error); a ToolError after begin() ends the answer early (the host
    /// cuts it off, so the caller sees an incomplete download, never a truncated one that looks
    /// whole). A streamed action must not change anything (hosts may serve it on a GET).
    virtual void stream(const ActionRequest& request, ResponseStream& out) {
        (void)out;
        throw ToolError(ErrorCode::NotFound, "No streamed action '" + request.action + "'.",
                        "action");
    }
};

} // namespace bss::sdk
