#include "loader/PluginManifest.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace mockhost {
namespace {

std::invalid_argument bad(const std::string& file, const std::string& what) {
    return std::invalid_argument("manifest " + file + ": " + what);
}

std::string requiredText(const Poco::JSON::Object& object, const std::string& field,
                         const std::string& file) {
    if (!object.has(field))
        throw bad(file, "field '" + field + "' is missing");
    const Poco::Dynamic::Var value = object.get(field);
    if (!value.isString())
        throw bad(file, "field '" + field + "' must be a string, got '" + value.toString() + "'");
    const std::string text = value.extract<std::string>();
    if (text.empty())
        throw bad(file, "field '" + field + "' is empty");
    return text;
}

std::uint32_t requiredNumber(const Poco::JSON::Object& object, const std::string& field,
                             const std::string& file) {
    if (!object.has(field))
        throw bad(file, "field '" + field + "' is missing");
    const Poco::Dynamic::Var value = object.get(field);
    // A JSON string "1" is refused on purpose: the manifest is generated, so a string is a bug.
    if (!value.isInteger() || value.isString())
        throw bad(file, "field '" + field + "' must be a non-negative integer, got '" +
                            value.toString() + "'");
    const Poco::Int64 number = value.convert<Poco::Int64>();
    if (number < 0 || number > std::numeric_limits<std::uint32_t>::max())
        throw bad(file, "field '" + field + "' is out of range: " + std::to_string(number));
    return static_cast<std::uint32_t>(number);
}

} // namespace

PluginManifest PluginManifest::parse(const std::string& jsonText, const std::string& fileName) {
    Poco::JSON::Object::Ptr object;
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var root = parser.parse(jsonText);
        if (root.type() == typeid(Poco::JSON::Object::Ptr))
            object = root.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw bad(fileName, "not valid JSON: " + e.displayText());
    }
    if (!object)
        throw bad(fileName, "not a JSON object");
    PluginManifest manifest;
    manifest.file = fileName;
    manifest.id = requiredText(*object, "id", fileName);
    manifest.displayName = requiredText(*object, "displayName", fileName);
    manifest.version = requiredText(*object, "version", fileName);
    manifest.abiMajor = requiredNumber(*object, "abiMajor", fileName);
    manifest.abiMinor = requiredNumber(*object, "abiMinor", fileName);
    manifest.requiredPermission = requiredText(*object, "requiredPermission", fileName);
    manifest.library = requiredText(*object, "library", fileName);
    // The library must sit in the same folder: a path could point the host at any file.
    if (manifest.library.find('/') != std::string::npos || manifest.library == "." ||
        manifest.library == "..")
        throw bad(fileName, "field 'library' must be a file name without a path, got '" +
                                manifest.library + "'");
    return manifest;
}

PluginManifest PluginManifest::read(const std::string& path, const std::string& fileName) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw bad(fileName, "cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), fileName);
}

std::string PluginManifest::abiText() const {
    return std::to_string(abiMajor) + "." + std::to_string(abiMinor);
}

} // namespace mockhost
