#pragma once

#include <string>

namespace mockhost::emulator {

/// An exclusive advisory lock (flock) on `<directory>/.lock`, held for the object's lifetime, so
/// processes sharing one certificate directory (parallel test runs) never generate at once. The
/// kernel releases it if the process dies. Throws Poco::Exception when the file cannot be opened.
class DirectoryLock {
public:
    explicit DirectoryLock(const std::string& directory);
    ~DirectoryLock();
    DirectoryLock(const DirectoryLock&) = delete;
    DirectoryLock& operator=(const DirectoryLock&) = delete;

private:
    int _fd;
};

} // namespace mockhost::emulator
