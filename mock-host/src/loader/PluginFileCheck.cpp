#include "loader/PluginFileCheck.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/stat.h>

namespace mockhost {
namespace {

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() > suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::string> ownershipRefusal(const PluginFileFacts& facts, uid_t hostUser,
                                            const std::string& what) {
    if (facts.owner != 0 && facts.owner != hostUser)
        return what + " is owned by user id " + std::to_string(facts.owner) +
               ", neither root nor the host's user (" + std::to_string(hostUser) + ")";
    if (facts.mode & S_IWOTH)
        return what + " is writable by others (mode " + std::to_string((facts.mode >> 6) & 7) +
               std::to_string((facts.mode >> 3) & 7) + std::to_string(facts.mode & 7) + ")";
    return std::nullopt;
}

} // namespace

namespace {

PluginFileFacts factsOf(const std::string& path, bool followLink) {
    struct stat st {};
    if ((followLink ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0)
        throw std::runtime_error("cannot read '" + path + "': " + std::strerror(errno));
    PluginFileFacts facts;
    facts.symlink = S_ISLNK(st.st_mode);
    facts.regular = S_ISREG(st.st_mode);
    facts.directory = S_ISDIR(st.st_mode);
    facts.owner = st.st_uid;
    facts.mode = st.st_mode & 07777;
    return facts;
}

} // namespace

PluginFileFacts pluginFileFacts(const std::string& path) {
    return factsOf(path, false);
}

PluginFileFacts pluginFolderFacts(const std::string& path) {
    return factsOf(path, true);
}

std::optional<std::string> folderRefusal(const PluginFileFacts& folder, uid_t hostUser) {
    return ownershipRefusal(folder, hostUser, "the plugin folder");
}

std::optional<std::string> libraryRefusal(const std::string& name, const PluginFileFacts& file,
                                          uid_t hostUser) {
    if (file.symlink)
        return std::string("a symbolic link; not followed");
    if (!file.regular)
        return std::string("not a regular file");
    if (!endsWith(name, ".so"))
        return std::string("not named *.so; not opened");
    return ownershipRefusal(file, hostUser, "the file");
}

std::optional<std::string> manifestRefusal(const PluginFileFacts& file, uid_t hostUser) {
    if (file.symlink)
        return std::string("a symbolic link; not followed");
    if (!file.regular)
        return std::string("not a regular file");
    return ownershipRefusal(file, hostUser, "the manifest");
}

} // namespace mockhost
