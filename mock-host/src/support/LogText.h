#pragma once
/// Text a caller chose (a log-in name, a header), made safe for one log line.
#include <cstddef>
#include <string>

namespace mockhost {

/// `text` with every control character (CR and LF included) and backslash written as \xNN, and
/// cut at `maxBytes` bytes with "..." after, so it can neither forge a log line nor flood one.
std::string printableForLog(const std::string& text, std::size_t maxBytes = 80);

} // namespace mockhost
