#pragma once

#include <Poco/Timestamp.h>

#include <string>

namespace mockhost::emulator {

/// ISO-8601 UTC text as Partner Center writes it.
class IsoTime {
public:
    /// "2025-05-10T14:03:21.5512093Z" (7 fractional digits, as the real API often does).
    static std::string withFraction(const Poco::Timestamp& time);
    /// "2025-05-10T00:00:00Z".
    static std::string seconds(const Poco::Timestamp& time);
    /// Parses ISO-8601 date or date-time text; throws Poco::SyntaxException naming the text.
    static Poco::Timestamp parse(const std::string& text);
    /// The timestamp for a calendar date at 00:00:00 UTC.
    static Poco::Timestamp date(int year, int month, int day);
};

} // namespace mockhost::emulator
