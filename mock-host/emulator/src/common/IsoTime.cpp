#include "common/IsoTime.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>

#include <cstdio>

namespace mockhost::emulator {

std::string IsoTime::withFraction(const Poco::Timestamp& time) {
    const std::string base = Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%S");
    char fraction[16];
    // Timestamp resolution is microseconds; the seventh digit is the 100 ns tick.
    std::snprintf(fraction, sizeof fraction, ".%06lld0Z",
                  static_cast<long long>(time.epochMicroseconds() % 1000000));
    return base + fraction;
}

std::string IsoTime::seconds(const Poco::Timestamp& time) {
    return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%SZ");
}

Poco::Timestamp IsoTime::parse(const std::string& text) {
    int tzd = 0;
    Poco::DateTime parsed;
    if (!Poco::DateTimeParser::tryParse(text, parsed, tzd))
        throw Poco::SyntaxException("not an ISO-8601 date", text);
    parsed.makeUTC(tzd);
    return parsed.timestamp();
}

Poco::Timestamp IsoTime::date(int year, int month, int day) {
    return Poco::DateTime(year, month, day).timestamp();
}

} // namespace mockhost::emulator
