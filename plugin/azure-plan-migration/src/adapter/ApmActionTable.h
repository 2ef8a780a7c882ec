#pragma once
/// Every action the Azure Plan Migration Tool offers, with its handler. A handler gets the started
/// runtime, the request and its parsed body; it returns the JSON answer or throws
/// bss::sdk::ToolError (other exceptions become ToolError in AzurePlanMigrationTool::handle).

#include "adapter/ApmRuntime.h"

#include <bss/sdk/Tool.h>

#include <Poco/JSON/Object.h>

#include <functional>
#include <string>
#include <vector>

namespace apm::adapter {

using ActionHandler = std::function<std::string(ApmRuntime&, const bss::sdk::ActionRequest&,
                                                const Poco::JSON::Object& body)>;

struct ActionEntry {
    std::string name;
    std::string description;
    ActionHandler handler;
};

const std::vector<ActionEntry>& actionTable();

} // namespace apm::adapter
