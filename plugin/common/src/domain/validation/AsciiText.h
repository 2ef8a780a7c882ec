#pragma once
/// Small ASCII-only text helpers shared by the domain rules. Bytes >= 0x80 (UTF-8 sequences) are
/// never changed, so unicode text passes through byte-wise.

#include <string>

namespace ict::domain {

/// Lower-cases A-Z only.
std::string asciiLower(std::string text);

/// Removes leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string trimAscii(const std::string& text);

/// Case-insensitive (ASCII) equality.
bool equalsIgnoreCase(const std::string& left, const std::string& right);

/// `text` as it may appear inside an error message: at most 100 bytes, longer input cut and
/// ended with "...", so a pasted document cannot flood a page.
std::string quotedForMessage(const std::string& text);

} // namespace ict::domain
