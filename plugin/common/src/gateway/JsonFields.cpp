#include "gateway/JsonFields.h"

#include "gateway/GatewayError.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include <cmath>
#include <cstdint>
#include <typeinfo>

namespace ict::gateway::json {
namespace {

// Offending values are quoted only when short: a body can be large, and a wrong-typed field is
// never a secret in Partner Center's answers, but keep error texts bounded.
std::string quoted(const Poco::Dynamic::Var& value) {
    std::string text;
    try {
        text = value.convert<std::string>();
    } catch (const Poco::Exception&) {
        text = "?";
    }
    if (text.size() > 60)
        text = text.substr(0, 60) + "...";
    return "'" + text + "'";
}

bool absent(const Poco::JSON::Object::Ptr& object, const std::string& field) {
    return !object->has(field) || object->isNull(field);
}

} // namespace

Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& call) {
    std::size_t start = 0;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        start = 3;
    if (text.find_first_not_of(" \t\r\n", start) == std::string::npos)
        throw GatewayError::malformed(call, "empty body, expected JSON");
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(text.substr(start));
    } catch (const Poco::Exception& e) {
        throw GatewayError::malformed(call, "body is not JSON (" + e.message() + ")");
    }
    if (root.type() != typeid(Poco::JSON::Object::Ptr))
        throw GatewayError::malformed(call, "body is not a JSON object");
    return root.extract<Poco::JSON::Object::Ptr>();
}

std::string path(const std::string& where, const std::string& field) {
    return where.empty() ? field : where + "." + field;
}

std::string requiredString(const Poco::JSON::Object::Ptr& object, const std::string& field,
                           const std::string& call, const std::string& where) {
    if (absent(object, field))
        throw GatewayError::malformed(call, "missing required field '" + path(where, field) + "'");
    const std::string value = optionalString(object, field, call, where);
    if (value.empty())
        throw GatewayError::malformed(call, "required field '" + path(where, field) + "' is empty");
    return value;
}

std::string optionalString(const Poco::JSON::Object::Ptr& object, const std::string& field,
                           const std::string& call, const std::string& where) {
    if (absent(object, field))
        return {};
    const Poco::Dynamic::Var value = object->get(field);
    if (value.isString() || value.isNumeric() || value.isBoolean())
        return value.convert<std::string>();
    throw GatewayError::malformed(call, "field '" + path(where, field) + "' is not a string");
}

std::int64_t optionalInt(const Poco::JSON::Object::Ptr& object, const std::string& field,
                         std::int64_t fallback, const std::string& call, const std::string& where) {
    if (absent(object, field))
        return fallback;
    const Poco::Dynamic::Var value = object->get(field);
    Poco::Int64 number = 0;
    if (value.isInteger()) {
        // The JSON parser gives numbers above INT64_MAX as UInt64, which do not convert.
        if (value.type() != typeid(Poco::UInt64) ||
            value.extract<Poco::UInt64>() <= static_cast<Poco::UInt64>(INT64_MAX))
            return value.convert<Poco::Int64>();
    } else if (value.isNumeric()) {
        // Range first: casting a double outside int64 (or NaN) to an integer is undefined.
        const double real = value.convert<double>();
        if (real >= -0x1p63 && real < 0x1p63 && real == std::trunc(real))
            return static_cast<std::int64_t>(real);
    } else if (value.isString() && Poco::NumberParser::tryParse64(value.toString(), number)) {
        return number;
    }
    throw GatewayError::malformed(call, "field '" + path(where, field) +
                                            "' is not an integer: " + quoted(value));
}

bool optionalBool(const Poco::JSON::Object::Ptr& object, const std::string& field, bool fallback,
                  const std::string& call, const std::string& where) {
    if (absent(object, field))
        return fallback;
    const Poco::Dynamic::Var value = object->get(field);
    if (value.isBoolean())
        return value.convert<bool>();
    if (value.isString()) {
        bool result = false;
        if (Poco::NumberParser::tryParseBool(value.toString(), result))
            return result;
    }
    throw GatewayError::malformed(call, "field '" + path(where, field) +
                                            "' is not a boolean: " + quoted(value));
}

Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object::Ptr& object,
                                       const std::string& field, const std::string& call,
                                       const std::string& where) {
    if (absent(object, field))
        return {};
    Poco::JSON::Object::Ptr nested = object->getObject(field);
    if (!nested)
        throw GatewayError::malformed(call, "field '" + path(where, field) + "' is not an object");
    return nested;
}

Poco::JSON::Array::Ptr requiredArray(const Poco::JSON::Object::Ptr& object,
                                     const std::string& field, const std::string& call,
                                     const std::string& where) {
    if (absent(object, field))
        throw GatewayError::malformed(call, "missing required field '" + path(where, field) + "'");
    return optionalArray(object, field, call, where);
}

Poco::JSON::Array::Ptr optionalArray(const Poco::JSON::Object::Ptr& object,
                                     const std::string& field, const std::string& call,
                                     const std::string& where) {
    if (absent(object, field))
        return {};
    Poco::JSON::Array::Ptr array = object->getArray(field);
    if (!array)
        throw GatewayError::malformed(call, "field '" + path(where, field) + "' is not an array");
    return array;
}

Poco::JSON::Object::Ptr objectAt(const Poco::JSON::Array::Ptr& array, std::size_t index,
                                 const std::string& call, const std::string& where) {
    Poco::JSON::Object::Ptr element = array->getObject(static_cast<unsigned>(index));
    if (!element)
        throw GatewayError::malformed(call, "'" + where + "[" + std::to_string(index) +
                                                "]' is not an object");
    return element;
}

} // namespace ict::gateway::json
