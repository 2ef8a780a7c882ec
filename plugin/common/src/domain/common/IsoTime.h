#pragma once
/// UTC time points to and from ISO-8601 text, as stored in the database and sent in JSON.

#include <chrono>
#include <optional>
#include <string>

namespace ict::domain {

using TimePoint = std::chrono::system_clock::time_point;

/// "YYYY-MM-DDTHH:MM:SSZ" (seconds precision, UTC).
std::string formatIsoUtc(TimePoint at);

/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[.fffffff][Z|+00:00]". Fractions are dropped; an
/// offset other than UTC is applied. Empty when the text is not such a time.
std::optional<TimePoint> parseIsoUtc(const std::string& text);

} // namespace ict::domain
