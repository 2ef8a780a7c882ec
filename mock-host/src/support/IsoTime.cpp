#include "support/IsoTime.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

#include <regex>
#include <stdexcept>

namespace mockhost {

std::string formatIso(std::chrono::system_clock::time_point time) {
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(seconds),
                                           "%Y-%m-%dT%H:%M:%SZ");
}

std::chrono::system_clock::time_point parseIso(const std::string& text, const std::string& field) {
    // Poco's parser is lenient (it accepts words); the shape is checked first.
    static const std::regex shape(
        R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    Poco::DateTime parsed;
    int zone = 0;
    if (!std::regex_match(text, shape) ||
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, text, parsed, zone))
        throw std::invalid_argument(field + ": '" + text +
                                    "' is not an ISO-8601 UTC time like 2026-01-31T10:00:00Z");
    parsed.makeUTC(zone);
    return std::chrono::system_clock::time_point(
        std::chrono::seconds(parsed.timestamp().epochTime()));
}

} // namespace mockhost
