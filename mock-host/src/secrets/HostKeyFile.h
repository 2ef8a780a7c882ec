#pragma once
/// The file of the host's secret keys (`--key-file`; see SecretBox): one key per line as 64 hex
/// digits, the first the one that seals, the others kept to open what they sealed. It lives
/// outside the database, and only its owner may read it: it is created with mode 0600, and a
/// file its group or others may read or write is refused.
///
/// Creation is atomic (written to a temporary file in the same folder, then linked into place),
/// so two hosts starting at once on one database agree on one key; write() replaces the file by
/// rename, so a reader sees the old keys or the new ones, never a part.
#include "secrets/SecretBox.h"

#include <string>
#include <vector>

namespace mockhost {

class HostKeyFile {
public:
    explicit HostKeyFile(std::string path);

    /// The keys, first the sealing one; creates the file (and its folder) with one new key when
    /// it does not exist. Throws std::runtime_error naming the path: cannot be read or made,
    /// readable or writable by group or others (with its mode), or a line that is not a key.
    std::vector<HostKey> loadOrCreate() const;
    /// Replaces the file with `keys` (first the sealing one), mode 0600. Throws
    /// std::runtime_error naming the path.
    void write(const std::vector<HostKey>& keys) const;
    /// A new random key (OpenSSL's generator).
    static HostKey newKey();

    const std::string& path() const { return _path; }

private:
    std::vector<HostKey> load() const;

    std::string _path;
};

} // namespace mockhost
