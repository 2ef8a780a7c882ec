#include "domain/common/CivilDate.h"

#include <cctype>
#include <cstdio>

namespace ict::domain {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date and
// independent of the machine's time zone.
long long daysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

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

long long floorDiv(long long a, long long b) {
    const long long q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace

std::optional<CivilDate> CivilDate::fromYmd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month))
        return std::nullopt;
    return CivilDate(year, month, day);
}

std::optional<CivilDate> CivilDate::parse(const std::string& text) {
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (text.size() < 10 || !digits(text, 0, 4, year) || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day))
        return std::nullopt;
    const std::optional<CivilDate> date = fromYmd(year, month, day);
    if (!date)
        return std::nullopt;
    std::size_t pos = 10;
    if (pos == text.size())
        return date;
    if ((text[pos] != 'T' && text[pos] != ' ') || text.size() < pos + 9 ||
        !digits(text, pos + 1, 2, hour) || text[pos + 3] != ':' ||
        !digits(text, pos + 4, 2, minute) || text[pos + 6] != ':' ||
        !digits(text, pos + 7, 2, second) || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    pos += 9;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t fractionStart = pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
            ++pos;
        if (pos == fractionStart)
            return std::nullopt;
    }
    long long offsetSeconds = 0;
    if (pos < text.size()) {
        if (text[pos] == 'Z' && pos + 1 == text.size()) {
            // UTC already.
        } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 &&
                   text[pos + 3] == ':') {
            int offsetHours, offsetMinutes;
            if (!digits(text, pos + 1, 2, offsetHours) || !digits(text, pos + 4, 2, offsetMinutes))
                return std::nullopt;
            offsetSeconds =
                (text[pos] == '+' ? 1 : -1) * (offsetHours * 3600LL + offsetMinutes * 60LL);
        } else {
            return std::nullopt;
        }
    }
    const long long seconds = hour * 3600LL + minute * 60LL + second - offsetSeconds;
    const CivilDate utc = date->addDays(floorDiv(seconds, 86400));
    if (utc.year() < 1 || utc.year() > 9999)
        return std::nullopt;
    return utc;
}

CivilDate CivilDate::fromDaysSinceEpoch(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

bool CivilDate::isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int CivilDate::daysInMonth(int year, int month) {
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : lengths[month - 1];
}

std::string CivilDate::format() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", _year % 10000, _month % 100, _day % 100);
    return buffer;
}

long long CivilDate::daysSinceEpoch() const {
    return daysFromCivil(_year, static_cast<unsigned>(_month), static_cast<unsigned>(_day));
}

CivilDate CivilDate::addMonths(int months) const {
    const long long index = static_cast<long long>(_year) * 12 + (_month - 1) + months;
    const int year = static_cast<int>(floorDiv(index, 12));
    const int month = static_cast<int>(index - static_cast<long long>(year) * 12) + 1;
    const int last = daysInMonth(year, month);
    return CivilDate(year, month, _day < last ? _day : last);
}

CivilDate CivilDate::addDays(long long days) const {
    return fromDaysSinceEpoch(daysSinceEpoch() + days);
}

long long CivilDate::daysBetween(const CivilDate& from, const CivilDate& to) {
    return to.daysSinceEpoch() - from.daysSinceEpoch();
}

bool CivilDate::operator==(const CivilDate& other) const {
    return _year == other._year && _month == other._month && _day == other._day;
}

bool CivilDate::operator<(const CivilDate& other) const {
    if (_year != other._year)
        return _year < other._year;
    if (_month != other._month)
        return _month < other._month;
    return _day < other._day;
}

} // namespace ict::domain
