#include "secrets/HostKeyFile.h"

#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <openssl/rand.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace mockhost {
namespace {

std::string hex(const HostKey& key) {
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(key.begin(), key.end()));
}

/// The key a line of the file holds; nullopt when it is not 64 hex digits.
std::optional<HostKey> keyOf(const std::string& line) {
    HostKey key{};
    if (line.size() != 2 * key.size())
        return std::nullopt;
    try {
        const Poco::DigestEngine::Digest bytes = Poco::DigestEngine::digestFromHex(line);
        std::copy(bytes.begin(), bytes.end(), key.begin());
        return key;
    } catch (const Poco::DataFormatException&) {
        return std::nullopt;
    }
}

std::runtime_error failure(const std::string& path, const std::string& why) {
    return std::runtime_error("key file '" + path + "': " + why);
}

/// Writes `keys` to a new file `temporary` (0600, never an existing one).
void writeNew(const std::string& temporary, const std::vector<HostKey>& keys,
              const std::string& path) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        throw failure(path, std::string("cannot be written (") + std::strerror(errno) + ")");
    std::string text;
    for (const HostKey& key : keys)
        text += hex(key) + "\n";
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        throw failure(path, "cannot be written");
    }
}

std::string temporaryBeside(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

} // namespace

HostKeyFile::HostKeyFile(std::string path) : _path(std::move(path)) {}

HostKey HostKeyFile::newKey() {
    HostKey key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        throw std::runtime_error("OpenSSL could not make a key");
    return key;
}

std::vector<HostKey> HostKeyFile::loadOrCreate() const {
    struct stat info {};
    if (::stat(_path.c_str(), &info) != 0) {
        if (errno != ENOENT)
            throw failure(_path, std::string("cannot be read (") + std::strerror(errno) + ")");
        const Poco::Path parent = Poco::Path(_path).parent();
        if (!parent.toString().empty())
            Poco::File(parent).createDirectories();
        const std::string temporary = temporaryBeside(_path);
        writeNew(temporary, {newKey()}, _path);
        // link() fails when another host made the file first: both then read that one.
        const bool linked = ::link(temporary.c_str(), _path.c_str()) == 0;
        const int error = errno;
        ::unlink(temporary.c_str());
        if (!linked && error != EEXIST)
            throw failure(_path, std::string("cannot be made (") + std::strerror(error) + ")");
    }
    return load();
}

std::vector<HostKey> HostKeyFile::load() const {
    struct stat info {};
    if (::stat(_path.c_str(), &info) != 0)
        throw failure(_path, std::string("cannot be read (") + std::strerror(errno) + ")");
    if (info.st_mode & (S_IRWXG | S_IRWXO)) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
        throw failure(_path, std::string("its group or others may use it (mode ") + mode +
                                 "); it must be the owner's alone: chmod 600 '" + _path + "'");
    }
    std::ifstream in(_path);
    if (!in)
        throw failure(_path, "cannot be read");
    std::vector<HostKey> keys;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty())
            continue;
        const std::optional<HostKey> key = keyOf(line);
        if (!key)
            throw failure(_path,
                          "line " + std::to_string(number) + " is not a key of 64 hex digits");
        keys.push_back(*key);
    }
    if (keys.empty())
        throw failure(_path, "holds no key");
    return keys;
}

void HostKeyFile::write(const std::vector<HostKey>& keys) const {
    if (keys.empty())
        throw failure(_path, "a key file needs a key");
    const std::string temporary = temporaryBeside(_path);
    writeNew(temporary, keys, _path);
    if (::rename(temporary.c_str(), _path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw failure(_path, std::string("cannot be replaced (") + std::strerror(error) + ")");
    }
}

} // namespace mockhost
