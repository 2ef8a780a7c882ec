#pragma once
/// A reseller account that already exists in the BSS (accounts.kind = 'reseller').

#include <cstdint>
#include <string>

namespace ict::domain {

struct ResellerAccount {
    std::int64_t accountId = 0;
    std::string mpnId; ///< accounts.mpn_id
    std::string name;
};

} // namespace ict::domain
