#include "tls/DirectoryLock.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace mockhost::emulator {

DirectoryLock::DirectoryLock(const std::string& directory) {
    const std::string path = Poco::Path(directory, ".lock").toString();
    _fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (_fd < 0)
        throw Poco::FileException("cannot open lock file " + path, std::strerror(errno));
    while (::flock(_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const int error = errno;
            ::close(_fd);
            throw Poco::FileException("cannot lock " + path, std::strerror(error));
        }
    }
}

DirectoryLock::~DirectoryLock() {
    ::flock(_fd, LOCK_UN);
    ::close(_fd);
}

} // namespace mockhost::emulator
