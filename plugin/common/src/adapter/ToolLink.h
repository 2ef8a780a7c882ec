#pragma once
/// Whether another tool of the host is enabled for the caller's organization, as an answer field
/// a page turns into a link or a "not enabled" note (HostServices::enabledTools, since ABI 1.2).
/// Tools never call one another; this only points the user at the other one.

#include <bss/sdk/CallContext.h>
#include <bss/sdk/HostServices.h>

#include <Poco/JSON/Object.h>

#include <string>

namespace ict::adapter {

inline constexpr const char* kImportCustomersToolId = "import-customers";
inline constexpr const char* kAzurePlanMigrationToolId = "azure-plan-migration";

/// {"id", "enabled": bool, "displayName"?, "menuPath"?}: the names only when enabled.
Poco::JSON::Object::Ptr toolLink(bss::sdk::HostServices& services,
                                 const bss::sdk::CallContext& caller, const std::string& toolId);

} // namespace ict::adapter
