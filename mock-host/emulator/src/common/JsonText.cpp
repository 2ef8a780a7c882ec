#include "common/JsonText.h"

#include <Poco/JSON/Parser.h>

#include <sstream>

namespace mockhost::emulator {

Poco::JSON::Object::Ptr JsonText::object() {
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string JsonText::write(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

std::string JsonText::write(const Poco::JSON::Array::Ptr& array) {
    std::ostringstream out;
    array->stringify(out);
    return out.str();
}

Poco::JSON::Object::Ptr JsonText::parseObject(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr JsonText::link(const std::string& uri) {
    auto link = object();
    link->set("uri", uri);
    link->set("method", "GET");
    link->set("headers", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    return link;
}

std::string JsonText::text(const Poco::JSON::Object::Ptr& object, const std::string& key,
                           const std::string& fallback) {
    if (!object || !object->has(key) || object->isNull(key))
        return fallback;
    return object->get(key).convert<std::string>();
}

} // namespace mockhost::emulator
