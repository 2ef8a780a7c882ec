#pragma once
/// A subscription's term (`termDuration`, ISO-8601 duration) in months.

#include <optional>
#include <string>

namespace ict::domain {

/// "P1M" -> 1, "P1Y" -> 12, "P3Y" -> 36; any "P<n>M" or "P<n>Y" with 1 <= n <= 100 (case
/// insensitive). Empty for "" and for anything else ("P1W", "P1Y6M", "1Y").
std::optional<int> parseTermMonths(const std::string& text);

} // namespace ict::domain
