#pragma once
// Shared inputs for the BSS account matching tests (BssAccountIndex, AccountKeyIndex).

#include "domain/audit/BssAccount.h"

#include <cstdint>
#include <string>

namespace accountfixtures {

using namespace ict::domain;

inline const std::string kTenant = "6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef";

inline BssAccount account(std::int64_t id, const std::string& name, const std::string& tenant,
                          const std::string& domain) {
    BssAccount a;
    a.id = id;
    a.name = name;
    a.externalTenantId = tenant;
    a.primaryDomain = domain;
    return a;
}

} // namespace accountfixtures
