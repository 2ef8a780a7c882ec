#pragma once
/// Which files of the plugin folder the host may open at all, decided from what lstat(2) says
/// before any of their code runs. A library is opened only when it is a regular file (not a
/// symbolic link: a link could lead anywhere), is named `*.so`, is owned by root or by the host's
/// user, and is not writable by others; the folder itself must be owned the same way and not
/// writable by others, since whoever may write into it could swap a checked file before it is
/// opened. Group write is allowed: Debian's default umask for users (002) sets it, and the
/// group is the owner's own.

#include <optional>
#include <string>
#include <sys/types.h>

namespace mockhost {

/// What the checks read of a directory entry (from lstat, never following a link).
struct PluginFileFacts {
    bool symlink = false;
    bool regular = false;
    bool directory = false;
    uid_t owner = 0;
    mode_t mode = 0;
};

/// Facts of `path` from lstat; throws std::runtime_error naming the path when it cannot be read.
PluginFileFacts pluginFileFacts(const std::string& path);
/// Facts of the folder `path` from stat: the folder may be reached through a link (an install
/// that points /opt/bss/plugins at a versioned folder); what it leads to is checked.
PluginFileFacts pluginFolderFacts(const std::string& path);

/// Why the plugin folder must not be used, or nothing when it may be.
std::optional<std::string> folderRefusal(const PluginFileFacts& folder, uid_t hostUser);

/// Why library file `name` must not be opened, or nothing when it may be.
std::optional<std::string> libraryRefusal(const std::string& name, const PluginFileFacts& file,
                                          uid_t hostUser);

/// Manifests (`*.json`) are only read, never run, but are checked the same way: a manifest
/// someone else could rewrite would choose which library is opened.
std::optional<std::string> manifestRefusal(const PluginFileFacts& file, uid_t hostUser);

} // namespace mockhost
