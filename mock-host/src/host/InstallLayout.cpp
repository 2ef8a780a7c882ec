#include "host/InstallLayout.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <climits>
#include <unistd.h>

namespace mockhost {

std::string InstallLayout::defaultSchemaDir() {
    return schemaDirFor(executableDir());
}

std::string InstallLayout::defaultPluginDir() {
    return pluginDirFor(executableDir());
}

std::string InstallLayout::defaultWebRoot() {
    return webRootFor(executableDir());
}

std::string InstallLayout::schemaDirFor(const std::string& dir) {
    return isBuildTree(dir) ? MOCK_HOST_SCHEMA_DIR : installed(dir, MOCK_HOST_INSTALL_SCHEMA_DIR);
}

std::string InstallLayout::pluginDirFor(const std::string& dir) {
    return isBuildTree(dir) ? MOCK_HOST_PLUGIN_DIR : installed(dir, MOCK_HOST_INSTALL_PLUGIN_DIR);
}

std::string InstallLayout::webRootFor(const std::string& dir) {
    // From the build tree the pages are served from the source tree, so `mock-host serve` shows
    // them without an install step.
    return isBuildTree(dir) ? MOCK_HOST_WEB_ROOT : installed(dir, MOCK_HOST_INSTALL_WEB_DIR);
}

bool InstallLayout::isBuildTree(const std::string& dir) {
    if (dir.empty())
        return true; // /proc unreadable: the compiled-in paths are the only ones we know.
    // Compare resolved paths so a symlinked build folder still counts as the build tree.
    try {
        char resolved[PATH_MAX];
        if (::realpath(MOCK_HOST_BUILD_BIN_DIR, resolved) == nullptr)
            return false;
        return Poco::Path(dir).makeDirectory().toString() ==
               Poco::Path(std::string(resolved)).makeDirectory().toString();
    } catch (...) {
        return false;
    }
}

std::string InstallLayout::installed(const std::string& dir, const char* relative) {
    // <prefix>/bin/../<relative>, written without ".." for readable logs.
    Poco::Path prefix = Poco::Path(dir).makeDirectory().parent();
    return Poco::Path(prefix, Poco::Path(relative)).toString();
}

const std::string& InstallLayout::executableDir() {
    static const std::string dir = [] {
        char buffer[PATH_MAX];
        const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
        if (length <= 0)
            return std::string();
        return Poco::Path(std::string(buffer, static_cast<std::size_t>(length)))
            .parent()
            .toString();
    }();
    return dir;
}

} // namespace mockhost
