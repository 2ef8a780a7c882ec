#include "domain/common/IsoTime.h"

#include "domain/common/CivilDate.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace ict::domain {
namespace {

bool digits(const std::string& text, std::size_t from, std::size_t count, int& value) {
    if (from + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::string formatIsoUtc(TimePoint at) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
    return buffer;
}

std::optional<TimePoint> parseIsoUtc(const std::string& text) {
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    std::size_t pos = 10;
    long long offsetSeconds = 0;
    if (pos < text.size()) {
        if ((text[pos] != 'T' && text[pos] != ' ') || !digits(text, pos + 1, 2, hour) ||
            text.size() < pos + 9 || text[pos + 3] != ':' || !digits(text, pos + 4, 2, minute) ||
            text[pos + 6] != ':' || !digits(text, pos + 7, 2, second))
            return std::nullopt;
        pos += 9;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
                ++pos;
        }
        if (pos < text.size()) {
            if (text[pos] == 'Z' && pos + 1 == text.size()) {
                pos = text.size();
            } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 &&
                       text[pos + 3] == ':') {
                int oh, om;
                if (!digits(text, pos + 1, 2, oh) || !digits(text, pos + 4, 2, om))
                    return std::nullopt;
                offsetSeconds = (text[pos] == '+' ? 1 : -1) * (oh * 3600LL + om * 60LL);
                pos = text.size();
            } else {
                return std::nullopt;
            }
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    // CivilDate owns the calendar arithmetic; it also refuses a day the month does not have.
    const std::optional<CivilDate> date = CivilDate::fromYmd(year, month, day);
    if (!date)
        return std::nullopt;
    const long long total =
        date->daysSinceEpoch() * 86400LL + hour * 3600LL + minute * 60LL + second - offsetSeconds;
    return TimePoint(std::chrono::seconds(total));
}

} // namespace ict::domain
