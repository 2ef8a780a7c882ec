#include "http/Handlers.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <cctype>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

/// The file name as a Content-Disposition token: letters, digits, '.', '-' and '_' kept.
std::string safeFileName(const std::string& name) {
    std::string safe;
    for (char c : name)
        safe += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'
                    ? c
                    : '_';
    return safe.empty() ? "download" : safe;
}

/// A streamed action's answer as an HTTP response in chunks.
class HttpResponseStream : public bss::sdk::ResponseStream {
public:
    explicit HttpResponseStream(HttpExchange& exchange) : _exchange(exchange) {}

    void begin(const std::string& contentType, const std::string& fileName) override {
        Poco::Net::HTTPServerResponse& response = _exchange.response();
        response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType(contentType);
        response.set("Content-Disposition",
                     "attachment; filename=\"" + safeFileName(fileName) + "\"");
        response.set("Cache-Control", "no-store");
        response.set("X-Request-Id", _exchange.requestId());
        response.setChunkedTransferEncoding(true);
        _out = &response.send();
    }

    bool write(const std::string& bytes) override {
        if (!_out)
            throw ToolError(ErrorCode::Internal, "A streamed action wrote before begin().");
        try {
            _out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            return _out->good();
        } catch (const std::exception&) {
            return false; // the caller went away
        }
    }

    bool begun() const { return _out != nullptr; }

private:
    HttpExchange& _exchange;
    std::ostream* _out = nullptr;
};

} // namespace

void handleToolStream(HttpExchange& exchange) {
    // segments: api tools {id} streams {action}
    const bss::sdk::CallContext caller = exchange.caller();
    const std::string& toolId = exchange.segments()[2];
    const std::string& action = exchange.segments()[4];
    std::string body = "{}";
    if (exchange.request().getMethod() == Poco::Net::HTTPRequest::HTTP_POST) {
        body = exchange.body();
    } else {
        // A download link: GET with the action's JSON body in the query (streamed actions change
        // nothing, see bss::sdk::Tool::stream()).
        for (const auto& [name, value] :
             Poco::URI(exchange.request().getURI()).getQueryParameters())
            if (name == "body")
                body = value;
    }
    HttpResponseStream out(exchange);
    try {
        exchange.services().gateway.stream(caller, toolId, action, body, out);
    } catch (const ToolError& error) {
        if (!out.begun())
            throw;
        // Part of the answer is out: cut the connection, so the download shows as incomplete
        // instead of ending as if it were whole.
        exchange.services().host.logger().error("request " + exchange.requestId() +
                                                ": streamed action '" + action +
                                                "' failed after it began: " + error.what());
        static_cast<Poco::Net::HTTPServerRequestImpl&>(exchange.request()).socket().shutdown();
    }
}

} // namespace mockhost
