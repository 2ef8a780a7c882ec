#pragma once
/// The Tenant ID field of the single update ([S7]): a Microsoft tenant id is a GUID.

#include "domain/validation/ValidatedInput.h"

#include <string>

namespace ict::domain {

/// True for the 36-character form 8-4-4-4-12 of hex digits, either case, no braces.
bool isGuid(const std::string& text);

/// Trims ASCII whitespace, then accepts a GUID as isGuid() does and lower-cases it.
/// Error: "Tenant ID '<input>' is not a valid GUID." (input trimmed, cut at 100 bytes).
ValidatedInput validateTenantId(const std::string& input);

} // namespace ict::domain
