#pragma once
/// UTC ISO-8601 text "YYYY-MM-DDTHH:MM:SSZ", the time format of the host schema.
#include <chrono>
#include <string>

namespace mockhost {

std::string formatIso(std::chrono::system_clock::time_point time);

/// Parses "YYYY-MM-DDTHH:MM:SSZ" (or any offset Poco's ISO8601 format accepts). Throws
/// std::invalid_argument naming `field` and the value when it is not such a time.
std::chrono::system_clock::time_point parseIso(const std::string& text, const std::string& field);

} // namespace mockhost
