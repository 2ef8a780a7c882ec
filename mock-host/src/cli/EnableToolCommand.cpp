#include "cli/Commands.h"
#include "host/Host.h"
#include "support/IsoTime.h"

#include <iostream>

namespace mockhost {

int runEnableTool(const CommandLine& line) {
    line.allowOnly({"org", "tool", "disable"});
    const std::string orgName = line.required("org");
    const std::string toolId = line.required("tool");
    const bool enabled = !line.has("disable");
    Host host(line.hostOptions());
    const bss::sdk::Organization org = host.organizations().require(orgName);
    host.enablement().set(org.id, toolId, enabled, formatIso(host.clock().now()));
    std::cout << "tool " << toolId << (enabled ? " enabled" : " disabled") << " for " << org.name
              << std::endl;
    return 0;
}

} // namespace mockhost
