#include "http/HttpExchange.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <sstream>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {

std::string toJsonText(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

HttpExchange::HttpExchange(HttpServices& services, Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response)
    : _services(services), _request(request), _response(response),
      _requestId(ToolGateway::newRequestId()) {
    Poco::URI uri(request.getURI());
    Poco::StringTokenizer parts(uri.getPath(), "/",
                                Poco::StringTokenizer::TOK_IGNORE_EMPTY |
                                    Poco::StringTokenizer::TOK_TRIM);
    _segments.assign(parts.begin(), parts.end());
}

std::string HttpExchange::body() {
    const std::size_t limit = 1 << 20;
    std::string text;
    // Read at most one byte past the limit, so an oversized body is refused without buffering it.
    std::vector<char> buffer(64 * 1024);
    std::istream& in = _request.stream();
    while (in && text.size() <= limit) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    _bodyRead = !in;
    if (text.size() > limit)
        throw ToolError(ErrorCode::InvalidInput, "The request body exceeds 1 MiB.", "body");
    return text.empty() ? "{}" : text;
}

Poco::JSON::Object::Ptr HttpExchange::jsonBody() {
    const std::string text = body();
    try {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw ToolError(ErrorCode::InvalidInput, "The request body is not JSON: " + e.message(),
                        "body");
    }
    throw ToolError(ErrorCode::InvalidInput, "The request body must be a JSON object.", "body");
}

std::string HttpExchange::sessionId() {
    Poco::Net::NameValueCollection cookies;
    _request.getCookies(cookies);
    return cookies.get(kSessionCookie, "");
}

bss::sdk::CallContext HttpExchange::caller() {
    const std::string id = sessionId();
    auto userId = id.empty() ? std::nullopt : _services.sessions.find(id);
    if (!userId)
        throw ToolError(ErrorCode::Unauthenticated, "Log in first (POST /api/login).");
    return _services.gateway.contextForUser(*userId, _requestId);
}

void HttpExchange::discardUnreadBody() {
    if (_bodyRead)
        return;
    _bodyRead = true;
    std::istream& in = _request.stream();
    std::vector<char> buffer(64 * 1024);
    std::size_t dropped = 0;
    while (in && dropped <= (1u << 20)) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        dropped += static_cast<std::size_t>(in.gcount());
    }
    if (in)
        _response.setKeepAlive(false);
}

void HttpExchange::sendJson(int status, const std::string& json) {
    discardUnreadBody();
    _response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    _response.setContentType("application/json; charset=utf-8");
    _response.set("Cache-Control", "no-store");
    _response.set("X-Request-Id", _requestId);
    _response.sendBuffer(json.data(), json.size());
}

void HttpExchange::sendError(const ToolError& error) {
    sendJson(bss::sdk::httpStatusFor(error.code()), ToolGateway::errorJson(error));
}

} // namespace mockhost
