#pragma once
/// The Primary Domain field of the single update ([S7]).

#include "domain/validation/ValidatedInput.h"

#include <string>

namespace ict::domain {

/// The DNS host-name rule: at least two labels separated by '.'; each label 1-63 characters of
/// ASCII letters, digits and '-', neither starting nor ending with '-'; at most 253 characters in
/// all. IDN names are accepted in their punycode form ("xn--..."); raw unicode is not. The last
/// label must not be all digits (that is an IP address, not a domain). `text` is checked as is.
bool isDomainName(const std::string& text);

/// Trims ASCII whitespace, drops one trailing '.', lower-cases, then checks isDomainName().
/// Error: "Primary Domain '<input>' is not a valid domain name." (input trimmed, cut at 100
/// bytes).
ValidatedInput validatePrimaryDomain(const std::string& input);

} // namespace ict::domain
