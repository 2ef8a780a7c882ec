#include "adapter/ToolLink.h"

namespace ict::adapter {

Poco::JSON::Object::Ptr toolLink(bss::sdk::HostServices& services,
                                 const bss::sdk::CallContext& caller, const std::string& toolId) {
    Poco::JSON::Object::Ptr link = new Poco::JSON::Object;
    link->set("id", toolId);
    link->set("enabled", false);
    for (const bss::sdk::ToolSummary& summary : services.enabledTools(caller.organization.id))
        if (summary.id == toolId) {
            link->set("enabled", true);
            link->set("displayName", summary.displayName);
            link->set("menuPath", summary.menuPath);
        }
    return link;
}

} // namespace ict::adapter
