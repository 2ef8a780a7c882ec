#include "http/AuditRecordsEndpoint.h"

#include "common/IsoTime.h"
#include "data/ResourceJson.h"
#include "http/SeekPager.h"

#include <Poco/Exception.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

namespace mockhost::emulator {

namespace {

/// Parses one date parameter; `wholeDay` moves a bare date to the end of that day.
Poco::Timestamp parseDate(const std::string& text, bool wholeDay) {
    Poco::Timestamp time = IsoTime::parse(text);
    if (wholeDay && text.find('T') == std::string::npos && text.size() <= 10)
        time += Poco::Timespan(1, 0, 0, 0, 0);
    return time;
}

} // namespace

Reply AuditRecordsEndpoint::list(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    Reply error;
    const std::string query =
        request.queryValue("startdate") + "\n" + request.queryValue("enddate");
    const auto cursor = SeekPager::cursorFor(request, "auditrecords", query, compatibility, error);
    if (!cursor)
        return error;
    const std::string startText = cursor->query.substr(0, cursor->query.find('\n'));
    const std::string endText = cursor->query.substr(cursor->query.find('\n') + 1);
    Poco::Timestamp start = Poco::Timestamp() - Poco::Timespan(30, 0, 0, 0, 0);
    Poco::Timestamp end;
    try {
        if (!startText.empty())
            start = parseDate(startText, false);
    } catch (const Poco::Exception&) {
        return Reply::partnerError(400, 2000, "startDate is not a valid date: '" + startText + "'.",
                                   compatibility);
    }
    try {
        if (!endText.empty())
            end = parseDate(endText, true);
    } catch (const Poco::Exception&) {
        return Reply::partnerError(400, 2000, "endDate is not a valid date: '" + endText + "'.",
                                   compatibility);
    }
    std::size_t total = 0;
    const auto items = state.withData([&](const DataSet& data) {
        std::vector<const AuditRecord*> matching;
        for (const auto& record : data.auditRecords)
            if (!(record.operationDate < start) && record.operationDate < end)
                matching.push_back(&record);
        total = matching.size();
        std::vector<Poco::JSON::Object::Ptr> page;
        const auto range = SeekPager::range(*cursor, total);
        for (std::size_t i = range.first; i < range.second; ++i)
            page.push_back(ResourceJson::auditRecord(*matching[i], data.partner.tenantId));
        return page;
    });
    if (cursor->offset > 0 && cursor->offset >= total)
        return Reply::partnerError(400, 2000, "No more records to fetch.", compatibility);
    std::string extra;
    std::string encoded;
    Poco::URI::encode(startText, "+:&=?", encoded);
    extra = "startDate=" + encoded;
    if (!endText.empty()) {
        encoded.clear();
        Poco::URI::encode(endText, "+:&=?", encoded);
        extra += "&endDate=" + encoded;
    }
    return Reply::json(
        200, SeekPager::page(items, total, *cursor, "/auditrecords", extra, compatibility));
}

} // namespace mockhost::emulator
