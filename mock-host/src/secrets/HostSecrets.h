#pragma once
/// The host's sealing and opening of the secrets in its tables (app secrets and refresh tokens
/// of microsoft_instances), with the keys of its key file (HostKeyFile, SecretBox).
///
/// The file is read at the first use (and created then when missing), and read again whenever
/// it changed since: after `mock-host rotate-key` in another process, every host seals with the
/// new key from its next seal on and opens what the new key sealed. Thread-safe.
#include "secrets/HostKeyFile.h"
#include "secrets/SecretBox.h"

#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>

namespace mockhost {

class HostSecrets {
public:
    explicit HostSecrets(std::string keyFile);

    const std::string& keyFile() const { return _file.path(); }

    /// `plain` sealed for `column` with the sealing key; "" stays "".
    std::string seal(const std::string& plain, const std::string& column);
    /// The plain text of `stored` (a value not sealed is returned as it is). Throws SecretError
    /// when it does not open, even after reading a changed key file again.
    std::string open(const std::string& stored, const std::string& column);
    /// The id of the key that seals now.
    std::string sealingKeyId();

    /// Reads the key file again now (after this process rewrote it).
    void reload();

private:
    std::shared_ptr<const SecretBox> box();
    bool fileChanged() const;

    HostKeyFile _file;
    std::mutex _mutex;
    std::shared_ptr<const SecretBox> _box;
    struct {
        time_t seconds = 0;
        long nanoseconds = 0;
        off_t size = 0;
        ino_t inode = 0;
    } _loaded; ///< The file as it was when _box was read.
};

} // namespace mockhost
