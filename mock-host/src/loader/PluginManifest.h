#pragma once
/// The manifest a tool package installs next to its library, read before the library is loaded.
///
/// A manifest is a JSON object in `<name>.json` in the plugin folder:
///     {"id": "import-customers", "displayName": "Import Customers Tool", "version": "0.1.0",
///      "abiMajor": 1, "abiMinor": 0, "requiredPermission": "system_admin",
///      "library": "libimport_customers_tool.so"}
/// `library` is a plain file name inside the same folder (no path). Every field is required.
#include <cstdint>
#include <string>

namespace mockhost {

struct PluginManifest {
    std::string file; ///< The manifest's file name inside the plugin folder.
    std::string id;
    std::string displayName;
    std::string version;
    std::uint32_t abiMajor = 0;
    std::uint32_t abiMinor = 0;
    std::string requiredPermission;
    std::string library;

    /// Parses `jsonText` read from `fileName`. Throws std::invalid_argument naming the file, the
    /// field at fault and its value (malformed JSON, a missing or empty field, a non-integer or
    /// negative ABI number, a library name that holds a path).
    static PluginManifest parse(const std::string& jsonText, const std::string& fileName);

    /// Reads and parses the file at `path` (named `fileName` in errors). Throws
    /// std::invalid_argument as parse() does, or when the file cannot be read.
    static PluginManifest read(const std::string& path, const std::string& fileName);

    /// "major.minor".
    std::string abiText() const;
};

} // namespace mockhost
