#include "adapter/JsonIo.h"

#include "domain/validation/AsciiText.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cstdint>
#include <sstream>
#include <typeinfo>

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace {

// A wrong value as an error may quote it: cut, so a pasted document cannot flood a page.
std::string shown(const Poco::Dynamic::Var& value) {
    return domain::quotedForMessage(value.toString());
}

} // namespace

Poco::JSON::Object::Ptr parseBody(const std::string& bodyJson) {
    if (bodyJson.find_first_not_of(" \t\r\n") == std::string::npos)
        return new Poco::JSON::Object;
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var parsed = parser.parse(bodyJson);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw ToolError(ErrorCode::InvalidInput,
                        "The request body is not valid JSON: " + e.displayText(), "body");
    }
    throw ToolError(ErrorCode::InvalidInput, "The request body must be a JSON object.", "body");
}

std::optional<std::string> optionalString(const Poco::JSON::Object& body,
                                          const std::string& field) {
    if (!body.has(field) || body.isNull(field))
        return std::nullopt;
    const Poco::Dynamic::Var value = body.get(field);
    if (!value.isString())
        throw ToolError(ErrorCode::InvalidInput,
                        "Field '" + field + "' must be a string, not '" + shown(value) + "'.",
                        field);
    return value.extract<std::string>();
}

std::int64_t requiredInt(const Poco::JSON::Object& body, const std::string& field) {
    if (!body.has(field) || body.isNull(field))
        throw ToolError(ErrorCode::InvalidInput, "Field '" + field + "' is required.", field);
    const Poco::Dynamic::Var value = body.get(field);
    // The JSON parser gives numbers above INT64_MAX as UInt64, which do not convert.
    if (value.isInteger() &&
        (value.type() != typeid(Poco::UInt64) ||
         value.extract<Poco::UInt64>() <= static_cast<Poco::UInt64>(INT64_MAX)))
        return value.convert<std::int64_t>();
    if (value.isString()) {
        const std::string text = value.extract<std::string>();
        std::size_t used = 0;
        try {
            const long long parsed = std::stoll(text, &used);
            if (used == text.size())
                return parsed;
        } catch (const std::exception&) {
        }
    }
    throw ToolError(ErrorCode::InvalidInput,
                    "Field '" + field + "' must be an integer, not '" + shown(value) + "'.", field);
}

std::string toJson(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

bool optionalBool(const Poco::JSON::Object& body, const std::string& field) {
    if (!body.has(field) || body.isNull(field))
        return false;
    const Poco::Dynamic::Var value = body.get(field);
    if (value.type() == typeid(bool))
        return value.extract<bool>();
    throw ToolError(ErrorCode::InvalidInput,
                    "Field '" + field + "' must be true or false, not '" + value.toString() + "'.",
                    field);
}

std::size_t optionalCount(const Poco::JSON::Object& body, const std::string& field,
                          std::size_t fallback) {
    if (!body.has(field) || body.isNull(field))
        return fallback;
    const std::int64_t value = requiredInt(body, field);
    if (value < 0)
        throw ToolError(ErrorCode::InvalidInput,
                        "Field '" + field + "' must not be negative, not '" +
                            std::to_string(value) + "'.",
                        field);
    return static_cast<std::size_t>(value);
}

std::string requiredString(const Poco::JSON::Object& body, const std::string& field) {
    const auto value = optionalString(body, field);
    if (!value || value->empty())
        throw ToolError(ErrorCode::InvalidInput, "Field '" + field + "' is required.", field);
    return *value;
}

std::size_t countWithin(const Poco::JSON::Object& body, const std::string& field,
                        std::size_t fallback, std::size_t most) {
    const std::size_t value = optionalCount(body, field, fallback);
    if (value == 0 || value > most)
        throw ToolError(ErrorCode::InvalidInput,
                        "Field '" + field + "' is " + std::to_string(value) + "; expected 1 to " +
                            std::to_string(most) + ".",
                        field);
    return value;
}

Poco::Dynamic::Var storedJson(const std::string& json) {
    if (json.empty())
        return Poco::Dynamic::Var();
    Poco::JSON::Parser parser;
    return parser.parse(json);
}

} // namespace ict::adapter
