#pragma once

#include <string>

namespace mockhost::emulator {

/// An indirect reseller (Tier 2) of the partner.
struct Reseller {
    std::string id; ///< reseller tenant id
    std::string name;
    std::string mpnId;
    std::string location; ///< country code
};

} // namespace mockhost::emulator
