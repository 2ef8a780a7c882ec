#pragma once
/// Everything the host lends a tool, handed to Tool::start().
///
/// Ownership: the host owns HostServices and every service it returns; they stay valid from
/// Tool::start() until Tool::stop() returns. A tool may keep references for that span and must not
/// use them after stop(). All services are thread-safe.

#include "bss/sdk/Clock.h"
#include "bss/sdk/Database.h"
#include "bss/sdk/Instances.h"
#include "bss/sdk/Jobs.h"
#include "bss/sdk/Logger.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bss::sdk {

/// Another tool as a tool may name it to its users (since ABI 1.2): to say "use the Azure Plan
/// Migration Tool for this" with a link, or that it is not enabled. Plain values.
struct ToolSummary {
    std::string id;          ///< ToolDescriptor::id, e.g. "azure-plan-migration".
    std::string displayName; ///< ToolDescriptor::displayName.
    std::string menuPath;    ///< ToolDescriptor::menuPath, e.g. "BSS Setup > Tools".
};

class HostServices {
public:
    virtual ~HostServices() = default;
    virtual Database& database() = 0;
    virtual InstanceDirectory& instances() = 0;
    virtual JobService& jobs() = 0;
    virtual Logger& logger() = 0;
    virtual Clock& clock() = 0;

    // ---- since ABI 1.2: a tool may call it only on a host of minor 2 or more (the host refuses a
    // tool whose minor is newer than its own, so a tool built for 1.2 may always call it) ----
    /// The tools this host runs that are enabled for `organizationId`, the calling tool included
    /// when it is, ordered by id; empty for an unknown organization. Called while the tools start,
    /// it lists those started so far. Tools never call one another: this only lets a tool point
    /// its users at another one.
    virtual std::vector<ToolSummary> enabledTools(std::int64_t organizationId) = 0;
};

} // namespace bss::sdk
