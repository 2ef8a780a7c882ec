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

/// Required non-empty string field; throws ToolError(InvalidInput, field) "Field 'x' is required."
/// when missing or empty, and as optionalString() when not a string.
std::string requiredString(const Poco::JSON::Object& body, const std::string& field);

/// Required integer field; throws ToolError(InvalidInput, field) when missing or not an integer.
std::int64_t requiredInt(const Poco::JSON::Object& body, const std::string& field);

/// Optional non-negative integer field, `fallback` when absent or null; throws
/// ToolError(InvalidInput, field) when negative or not an integer.
std::size_t optionalCount(const Poco::JSON::Object& body, const std::string& field,
                          std::size_t fallback);

/// optionalCount() that must lie in [1, most]; throws ToolError(InvalidInput, field) naming the
/// value and the range otherwise.
std::size_t countWithin(const Poco::JSON::Object& body, const std::string& field,
                        std::size_t fallback, std::size_t most);

/// Optional boolean field, false when absent or null; throws ToolError(InvalidInput, field) when
/// present but not true or false.
bool optionalBool(const Poco::JSON::Object& body, const std::string& field);

std::string toJson(const Poco::JSON::Object& object);

/// A JSON text the tool stored (a job's progress or result, a run's summary) as a value of an
/// answer: null for "".
Poco::Dynamic::Var storedJson(const std::string& json);

} // namespace ict::adapter
