#include "secrets/HostSecrets.h"

#include <sys/stat.h>

namespace mockhost {

HostSecrets::HostSecrets(std::string keyFile) : _file(std::move(keyFile)) {}

std::string HostSecrets::seal(const std::string& plain, const std::string& column) {
    return box()->seal(plain, column);
}

std::string HostSecrets::open(const std::string& stored, const std::string& column) {
    try {
        return box()->open(stored, column);
    } catch (const SecretError&) {
        // A key this process has not read yet (rotated by another process within the same
        // second the file stamp cannot tell): read the file once more before giving up.
        reload();
        return box()->open(stored, column);
    }
}

std::string HostSecrets::sealingKeyId() {
    return box()->sealingKeyId();
}

void HostSecrets::reload() {
    std::lock_guard<std::mutex> lock(_mutex);
    _box.reset();
}

std::shared_ptr<const SecretBox> HostSecrets::box() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!_box || fileChanged()) {
        _box = std::make_shared<const SecretBox>(_file.loadOrCreate());
        struct stat info {};
        if (::stat(_file.path().c_str(), &info) == 0)
            _loaded = {info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_size, info.st_ino};
    }
    return _box;
}

bool HostSecrets::fileChanged() const {
    struct stat info {};
    if (::stat(_file.path().c_str(), &info) != 0)
        return true; // gone: loadOrCreate says why, or makes it again
    return info.st_mtim.tv_sec != _loaded.seconds || info.st_mtim.tv_nsec != _loaded.nanoseconds ||
           info.st_size != _loaded.size || info.st_ino != _loaded.inode;
}

} // namespace mockhost
