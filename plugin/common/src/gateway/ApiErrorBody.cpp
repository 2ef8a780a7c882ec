#include "gateway/ApiErrorBody.h"

#include "gateway/GatewayError.h"
#include "gateway/JsonFields.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <regex>

namespace ict::gateway {
namespace {

std::optional<int> tryAgainIn(const std::string& message) {
    static const std::regex pattern("try again in ([0-9]+) second", std::regex::icase);
    std::smatch match;
    int seconds = 0;
    // A hint too large for an int is no usable hint (and std::stoi would throw).
    if (std::regex_search(message, match, pattern) &&
        Poco::NumberParser::tryParse(match[1].str(), seconds))
        return seconds;
    return std::nullopt;
}

} // namespace

ApiErrorBody ApiErrorBody::parse(const std::string& body) {
    ApiErrorBody result;
    Poco::JSON::Object::Ptr root;
    try {
        root = json::parseObject(body, "error body");
    } catch (const GatewayError&) {
        // Gateways sometimes answer in plain text; the throttling hint may still be there.
        result.retryAfterSeconds = tryAgainIn(body.substr(0, 1024));
        return result;
    }
    auto text = [&](const char* field) {
        try {
            return json::optionalString(root, field, "error body", "");
        } catch (const GatewayError&) {
            return std::string();
        }
    };
    result.code = text("code");
    if (result.code.empty())
        result.code = text("statusCode");
    result.description = text("description");
    if (result.description.empty())
        result.description = text("message");
    if (result.description.size() > 300)
        result.description = result.description.substr(0, 300);
    result.oauthError = text("error");
    if (Poco::JSON::Array::Ptr codes = root->getArray("error_codes"); codes && codes->size() > 0) {
        try {
            result.aadstsCode = "AADSTS" + codes->get(0).convert<std::string>();
        } catch (const Poco::Exception&) {
        }
    }
    result.retryAfterSeconds = tryAgainIn(result.description);
    return result;
}

std::optional<int> parseRetryAfterHeader(const std::string& value) {
    int seconds = 0;
    if (Poco::NumberParser::tryParse(Poco::trim(value), seconds) && seconds >= 0)
        return seconds;
    return std::nullopt;
}

} // namespace ict::gateway
