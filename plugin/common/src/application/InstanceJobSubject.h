#pragma once
/// The job subject of every job of a tool that writes its data of an instance (the Import Customers
/// Tool: Get Hierarchy and import; the Azure Plan Migration Tool: scan and import). The host runs
/// at most one job per (tool, organization, subject), so one tool's runs never overlap on one
/// instance: an import's status refresh cannot overwrite a newer Get Hierarchy, nor a Get
/// Hierarchy save the rows an import is reading. The second start gets the host's Conflict,
/// saying since when and by whom.

#include <cstdint>
#include <string>

namespace ict::application {

/// "instance:<id>".
inline std::string instanceJobSubject(std::int64_t instanceId) {
    return "instance:" + std::to_string(instanceId);
}

} // namespace ict::application
