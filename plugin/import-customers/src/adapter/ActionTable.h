#pragma once
/// Every action the tool offers, with its handler. A handler gets the started runtime, the
/// request and its parsed body; it returns the JSON answer or throws bss::sdk::ToolError (other
/// exceptions are turned into ToolError by ImportCustomersTool::handle).

#include "adapter/ToolRuntime.h"

#include <bss/sdk/Tool.h>

#include <Poco/JSON/Object.h>

#include <functional>
#include <string>
#include <vector>

namespace ict::adapter {

using ActionHandler = std::function<std::string(ToolRuntime&, const bss::sdk::ActionRequest&,
                                                const Poco::JSON::Object& body)>;

struct ActionEntry {
    std::string name;
    std::string description;
    ActionHandler handler;
};

const std::vector<ActionEntry>& actionTable();

/// A streamed action's handler: writes its answer to `out` (see bss::sdk::Tool::stream()).
using StreamHandler =
    std::function<void(ToolRuntime&, const bss::sdk::ActionRequest&, const Poco::JSON::Object& body,
                       bss::sdk::ResponseStream& out)>;

struct StreamEntry {
    std::string name;
    std::string description;
    StreamHandler handler;
};

/// Every streamed action the tool offers (exports of any size).
const std::vector<StreamEntry>& streamTable();

} // namespace ict::adapter
