#pragma once
/// JSON helpers shared by action handlers: parse a request body, read typed fields with errors that
/// name the field and value, and write an object to text.

#include <bss/sdk/ToolError.h>

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace ict::adapter {

/// Parses a request body; "" counts as {}. Throws ToolError(InvalidInput) naming the body.
Poco::JSON::Object::Ptr parseBody(const std::string& bodyJson);

/// Optional string field; throws ToolError(InvalidInput, field) when present but not a string.
std::optional<std::string> optionalString(const Poco::JSON::Object& body, const std::string& field);

/// Required integer field; throws ToolError(InvalidInput, field) when missing or not an integer.
std::int64_t requiredInt(const Poco::JSON::Object& body, const std::string& field);

/// Optional non-negative integer field, `fallback` when absent or null; throws
/// ToolError(InvalidInput, field) when negative or not an integer.
std::size_t optionalCount(const Poco::JSON::Object& body, const std::string& field,
                          std::size_t fallback);

/// Optional boolean field, false when absent or null; throws ToolError(InvalidInput, field) when
/// present but not true or false.
bool optionalBool(const Poco::JSON::Object& body, const std::string& field);

std::string toJson(const Poco::JSON::Object& object);

} // namespace ict::adapter
