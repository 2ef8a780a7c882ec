#pragma once
/// A calendar date (proleptic Gregorian, no time of day, no time zone): the unit Partner Center
/// bills in. Value type; copyable; thread-compatible.

#include <optional>
#include <string>

namespace ict::domain {

class CivilDate {
public:
    /// 1970-01-01. Use fromYmd() or parse() for anything else.
    CivilDate() = default;

    /// Empty when the parts are not a real date (month 1-12, day within the month, year 1-9999).
    static std::optional<CivilDate> fromYmd(int year, int month, int day);

    /// The UTC date of a Partner Center time: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[.f*][Z|±HH:MM]".
    /// An offset is applied first, so "2024-01-31T23:30:00-01:00" is 2024-02-01. Works for the
    /// legacy Azure sentinel 9999-12-10 (no std::chrono time point is involved). Empty when the
    /// text is not such a time.
    static std::optional<CivilDate> parse(const std::string& text);

    /// The date `days` days after 1970-01-01 (negative: before).
    static CivilDate fromDaysSinceEpoch(long long days);

    static bool isLeapYear(int year);
    /// 28-31; 0 for a month outside 1-12.
    static int daysInMonth(int year, int month);

    int year() const { return _year; }
    int month() const { return _month; }
    int day() const { return _day; }

    /// "YYYY-MM-DD".
    std::string format() const;

    long long daysSinceEpoch() const;

    /// `months` calendar months later (negative: earlier), with the day clamped to the target
    /// month's length: 2025-01-31 + 1 month = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29.
    /// Clamping does not carry over: callers that step period after period must add k months to
    /// the original anchor, not one month to the previous result (see BillingPeriod).
    CivilDate addMonths(int months) const;

    CivilDate addDays(long long days) const;

    /// `to` minus `from` in days: daysBetween(2024-02-28, 2024-03-01) == 2.
    static long long daysBetween(const CivilDate& from, const CivilDate& to);

    bool operator==(const CivilDate& other) const;
    bool operator!=(const CivilDate& other) const { return !(*this == other); }
    bool operator<(const CivilDate& other) const;
    bool operator<=(const CivilDate& other) const { return !(other < *this); }
    bool operator>(const CivilDate& other) const { return other < *this; }
    bool operator>=(const CivilDate& other) const { return !(*this < other); }

private:
    CivilDate(int year, int month, int day) : _year(year), _month(month), _day(day) {}

    int _year = 1970;
    int _month = 1;
    int _day = 1;
};

} // namespace ict::domain
