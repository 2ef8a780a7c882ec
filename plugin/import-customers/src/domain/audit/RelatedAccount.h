#pragma once
/// One entry of a tenant's "Related BSS Account" column ([S11], [B7]): the account and why it
/// relates. An account related by several keys is listed once, with its strongest key.

#include "domain/audit/MatchKey.h"

#include <cstdint>
#include <string>

namespace ict::domain {

struct RelatedAccount {
    std::int64_t accountId = 0;     ///< BssAccount::id.
    std::string name;               ///< BssAccount::name, as the BSS has it now.
    MatchKey key = MatchKey::Unset; ///< The strongest key that relates it.
};

inline bool operator==(const RelatedAccount& left, const RelatedAccount& right) {
    return left.accountId == right.accountId && left.name == right.name && left.key == right.key;
}

} // namespace ict::domain
