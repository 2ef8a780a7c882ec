#pragma once

#include <string>

namespace mockhost::emulator {

/// The partner the emulator plays (the caller's own organisation).
struct PartnerInfo {
    std::string tenantId;
    std::string name;
    std::string mpnId;
    std::string domain;
};

} // namespace mockhost::emulator
