#pragma once
/// An organization's view of one Microsoft instance: what a tool's saved data and its runs are
/// keyed by (a country tenant's runs on its parent's instance are its own).

#include <cstdint>

namespace ict::storage {

struct InstanceKey {
    std::int64_t organizationId = 0;
    std::int64_t instanceId = 0;
};

} // namespace ict::storage
