#include "http/SeekPager.h"

#include "common/JsonText.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <sstream>

namespace mockhost::emulator {

std::string SeekPager::encode(const SeekCursor& cursor) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << "seek\n"
            << cursor.scope << "\n"
            << cursor.offset << "\n"
            << cursor.size << "\n"
            << cursor.query;
    encoder.close();
    return out.str();
}

std::optional<SeekCursor> SeekPager::decode(const std::string& token) {
    try {
        std::istringstream in(token);
        Poco::Base64Decoder decoder(in);
        std::string text((std::istreambuf_iterator<char>(decoder)),
                         std::istreambuf_iterator<char>());
        std::istringstream lines(text);
        std::string magic, scope, offset, size;
        if (!std::getline(lines, magic) || magic != "seek" || !std::getline(lines, scope) ||
            !std::getline(lines, offset) || !std::getline(lines, size))
            return std::nullopt;
        SeekCursor cursor;
        cursor.scope = scope;
        cursor.offset = static_cast<std::size_t>(Poco::NumberParser::parseUnsigned64(offset));
        cursor.size = Poco::NumberParser::parse(size);
        cursor.query.assign(std::istreambuf_iterator<char>(lines),
                            std::istreambuf_iterator<char>());
        return cursor;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<SeekCursor> SeekPager::cursorFor(const ApiRequest& request, const std::string& scope,
                                               const std::string& query,
                                               const CompatibilityOptions& compatibility,
                                               Reply& error) {
    if (Poco::icompare(request.queryValue("seekoperation"), "next") == 0) {
        const std::string token = request.headers.get("MS-ContinuationToken", "");
        if (token.empty()) {
            error = Reply::partnerError(400, 2000, "Continuation token is missing.", compatibility);
            return std::nullopt;
        }
        auto cursor = decode(token);
        if (!cursor || cursor->scope != scope) {
            error = Reply::partnerError(400, 2000, "Invalid continuation token.", compatibility);
            return std::nullopt;
        }
        return cursor;
    }
    if (request.hasQuery("seekoperation")) {
        error = Reply::partnerError(400, 2000,
                                    "seekOperation must be Next, not '" +
                                        request.queryValue("seekoperation") + "'.",
                                    compatibility);
        return std::nullopt;
    }
    SeekCursor cursor;
    cursor.scope = scope;
    cursor.query = query;
    const std::string sizeText = request.queryValue("size");
    int size = 0;
    if (!sizeText.empty() && (!Poco::NumberParser::tryParse(sizeText, size) || size < 0)) {
        error = Reply::partnerError(400, 2000,
                                    "size must be a non-negative integer, not '" + sizeText + "'.",
                                    compatibility);
        return std::nullopt;
    }
    if (size == 0)
        size = compatibility.defaultPageSize;
    cursor.size = std::min(size, compatibility.maxPageSize);
    return cursor;
}

std::pair<std::size_t, std::size_t> SeekPager::range(const SeekCursor& cursor, std::size_t total) {
    const std::size_t first = std::min(cursor.offset, total);
    return {first, std::min(total, cursor.offset + std::size_t(cursor.size))};
}

Poco::JSON::Object::Ptr SeekPager::page(const std::vector<Poco::JSON::Object::Ptr>& items,
                                        std::size_t total, const SeekCursor& cursor,
                                        const std::string& pathWithoutV1,
                                        const std::string& extraQuery,
                                        const CompatibilityOptions& compatibility) {
    const std::size_t end = range(cursor, total).second;
    Poco::JSON::Array::Ptr pageItems(new Poco::JSON::Array);
    for (const auto& item : items)
        pageItems->add(item);

    const std::string prefix = (compatibility.nextLinkWithV1 ? "/v1" : "") + pathWithoutV1;
    const std::string query =
        "?size=" + std::to_string(cursor.size) + (extraQuery.empty() ? "" : "&" + extraQuery);
    auto body = JsonText::object();
    body->set("totalCount", static_cast<int>(items.size()));
    body->set("items", pageItems);
    auto links = JsonText::object();
    links->set("self", JsonText::link(prefix + query));
    const std::string& hostile = compatibility.hostilePaging;
    const bool more = end < total || hostile == "cycle" || hostile == "endless";
    if (more || compatibility.exhaustedContinuationAs400) {
        SeekCursor next = cursor;
        next.offset = end;
        if (hostile == "cycle")
            next.offset = cursor.offset == 0 ? std::size_t(cursor.size) : 0;
        else if (hostile == "endless")
            next.offset = std::max(end, cursor.offset + 1); // a fresh token past the end too
        std::string token = encode(next);
        if (hostile == "controlInToken")
            token += "\r\nX-Forged: yes";
        body->set("continuationToken", token);
        auto nextLink = JsonText::link(prefix + query + "&seekOperation=Next");
        auto header = JsonText::object();
        header->set("key", "MS-ContinuationToken");
        header->set("value", token);
        Poco::JSON::Array::Ptr headers(new Poco::JSON::Array);
        headers->add(header);
        if (hostile == "extraHeader") {
            auto extra = JsonText::object();
            extra->set("key", "X-Injected");
            extra->set("value", "1\r\nX-Forged: yes");
            headers->add(extra);
        }
        nextLink->set("headers", headers);
        links->set("next", nextLink);
    }
    body->set("links", links);
    auto attributes = JsonText::object();
    attributes->set("objectType", "Collection");
    body->set("attributes", attributes);
    return body;
}

} // namespace mockhost::emulator
