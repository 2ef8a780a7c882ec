#pragma once
/// What an import does about an end customer's reseller ([S12]): resellers are not imported
/// themselves, but their end customers' accounts go under the reseller's BSS account.

#include <cstdint>
#include <string>

namespace ict::domain {

enum class ResellerActionKind {
    Unset = 0,
    Direct,              ///< Direct tenant: no reseller account.
    UseExistingReseller, ///< The reseller account with this MPN id exists: `existingAccountId`.
    CreateReseller,      ///< Create (or, if another tenant of the run did, reuse) by MPN id.
};

/// Stable names: "direct", "use_existing_reseller", "create_reseller"; "unset".
const char* resellerActionKindName(ResellerActionKind kind);

struct ResellerAction {
    ResellerActionKind kind = ResellerActionKind::Unset;
    std::string mpnId; ///< Empty for Direct. The key: one reseller account per MPN id.
    std::string name;  ///< Reseller's name; its MPN id when Partner Center gave none.
    std::int64_t existingAccountId = 0; ///< For UseExistingReseller.
};

} // namespace ict::domain
