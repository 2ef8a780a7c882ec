#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace mockhost::emulator {

/// JSON helpers: objects keep insertion order so bodies read like the documented examples.
class JsonText {
public:
    static Poco::JSON::Object::Ptr object();
    static std::string write(const Poco::JSON::Object::Ptr& object);
    static std::string write(const Poco::JSON::Array::Ptr& array);
    /// Parses an object; throws Poco::Exception (JSONException or BadCastException) otherwise.
    static Poco::JSON::Object::Ptr parseObject(const std::string& text);
    /// A Partner Center Link: {uri, method:"GET", headers:[]}.
    static Poco::JSON::Object::Ptr link(const std::string& uri);
    /// Optional string member, or the fallback when absent or null.
    static std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key,
                            const std::string& fallback = "");
};

} // namespace mockhost::emulator
