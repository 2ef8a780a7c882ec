#pragma once
/// Which tools are enabled for which organization (tool_enablement). No row = disabled.
/// Thread-safe.
#include "db/HostDatabase.h"

#include <cstdint>
#include <string>

namespace mockhost {

class ToolEnablement {
public:
    explicit ToolEnablement(HostDatabase& database) : _database(database) {}

    bool isEnabled(std::int64_t organizationId, const std::string& toolId);
    /// Inserts or updates the row; `changedAtIso` is recorded.
    void set(std::int64_t organizationId, const std::string& toolId, bool enabled,
             const std::string& changedAtIso);

private:
    HostDatabase& _database;
};

} // namespace mockhost
