#pragma once
/// The job subject of every job that writes an instance's saved hierarchy: Get Hierarchy (mass,
/// single, incremental) and import (which re-audits the imported tenants' rows when it ends).
/// The host runs at most one job per subject, so these never overlap on one instance: an import's
/// status refresh cannot overwrite a newer Get Hierarchy, nor a Get Hierarchy save the rows an
/// import is reading. The second start gets the host's Conflict, saying since when and by whom.

#include <cstdint>
#include <string>

namespace ict::application {

/// "instance:<id>".
inline std::string instanceJobSubject(std::int64_t instanceId) {
    return "instance:" + std::to_string(instanceId);
}

} // namespace ict::application
