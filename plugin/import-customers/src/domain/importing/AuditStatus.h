#pragma once
/// A subscription's import status as the audit after Get Hierarchy set it ([S10]).

#include <optional>
#include <string>

namespace ict::domain {

enum class AuditStatus {
    Unset = 0,
    New,           ///< In Partner Center, not in the BSS: importable.
    InBss,         ///< Already in the BSS: never changed ([S1]).
    NotImportable, ///< The audit found a reason it cannot be imported (reason given beside it).
};

/// Stable names: "new", "in_bss", "not_importable"; "unset".
const char* auditStatusName(AuditStatus status);

/// Inverse of auditStatusName() (exact). Empty for anything else, "unset" included.
std::optional<AuditStatus> parseAuditStatus(const std::string& text);

} // namespace ict::domain
