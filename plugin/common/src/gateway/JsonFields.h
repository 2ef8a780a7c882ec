#pragma once
/// Tolerant readers of Partner Center JSON. Unknown fields are ignored; a UTF-8 BOM is skipped;
/// numbers may arrive as strings and the reverse. Every failure is a GatewayError
/// (MalformedResponse) naming the call and the field path, never a crash. Pure functions.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>

namespace ict::gateway::json {

/// Parses `text` (BOM allowed) that must be a JSON object.
Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& call);

/// `where` is the path of `object` in the document ("" for the root, "items[3]" ...).
std::string path(const std::string& where, const std::string& field);

/// A string field that must be present and non-empty; a number is accepted and written out.
std::string requiredString(const Poco::JSON::Object::Ptr& object, const std::string& field,
                           const std::string& call, const std::string& where);
/// A string field, or "" when absent or null; numbers and booleans are written out.
std::string optionalString(const Poco::JSON::Object::Ptr& object, const std::string& field,
                           const std::string& call, const std::string& where);
/// An integer field (number or numeric string), or `fallback` when absent or null.
std::int64_t optionalInt(const Poco::JSON::Object::Ptr& object, const std::string& field,
                         std::int64_t fallback, const std::string& call, const std::string& where);
/// A boolean field (true/false or "true"/"false"), or `fallback` when absent or null.
bool optionalBool(const Poco::JSON::Object::Ptr& object, const std::string& field, bool fallback,
                  const std::string& call, const std::string& where);
/// A nested object, or null when absent or null; any other type is malformed.
Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object::Ptr& object,
                                       const std::string& field, const std::string& call,
                                       const std::string& where);
/// An array field that must be present.
Poco::JSON::Array::Ptr requiredArray(const Poco::JSON::Object::Ptr& object,
                                     const std::string& field, const std::string& call,
                                     const std::string& where);
/// An array field, or null when absent or null.
Poco::JSON::Array::Ptr optionalArray(const Poco::JSON::Object::Ptr& object,
                                     const std::string& field, const std::string& call,
                                     const std::string& where);
/// Element `index` of `array`, which must be an object.
Poco::JSON::Object::Ptr objectAt(const Poco::JSON::Array::Ptr& array, std::size_t index,
                                 const std::string& call, const std::string& where);

} // namespace ict::gateway::json
