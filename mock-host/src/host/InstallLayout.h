#pragma once
/// Where the mock host finds its schema, plugins and web pages when no option names them.
///
/// Run from the build tree (the executable sits in the build's bin/ folder,
/// MOCK_HOST_BUILD_BIN_DIR), the defaults are the source schema (MOCK_HOST_SCHEMA_DIR) and the
/// build's plugins/ folder (MOCK_HOST_PLUGIN_DIR). Run from anywhere else, the host is installed:
/// the defaults are relative to the executable's folder <prefix>/bin, so a package installed under
/// /usr, /usr/local or unpacked into any prefix (dpkg -x) finds its own files:
///     <prefix>/share/bss-mock-host/schema   (MOCK_HOST_INSTALL_SCHEMA_DIR)
///     <prefix>/lib/bss/plugins              (MOCK_HOST_INSTALL_PLUGIN_DIR)
///     <prefix>/share/bss-mock-host/web      (MOCK_HOST_INSTALL_WEB_DIR)
/// Thread-safe; the executable's path is read once.
#include <string>

namespace mockhost {

class InstallLayout {
public:
    static std::string defaultSchemaDir();
    static std::string defaultPluginDir();
    static std::string defaultWebRoot();

    /// The layout for an executable in `executableDir`; the functions above use the running one.
    static std::string schemaDirFor(const std::string& executableDir);
    static std::string pluginDirFor(const std::string& executableDir);
    static std::string webRootFor(const std::string& executableDir);

private:
    static bool isBuildTree(const std::string& executableDir);
    static std::string installed(const std::string& executableDir, const char* relative);
    static const std::string& executableDir();
};

} // namespace mockhost
