#pragma once
/// Authenticated encryption of the secrets the host keeps in its database (app secrets and
/// refresh tokens): AES-256-GCM through OpenSSL, a fresh random 96-bit nonce per value, and the
/// column's name as associated data, so that a value copied into another column does not open.
///
/// Stored form: "enc:v1:<key id>:<base64 of nonce | ciphertext | 16-byte tag>", where the key id
/// (the first 8 hex digits of the key's SHA-256) says which key sealed it. The empty text stays
/// empty: it means "no secret" to the host schema.
///
/// Thread-safe: immutable after construction.
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace mockhost {

using HostKey = std::array<unsigned char, 32>;

/// A sealed value that does not open: sealed by a key this box does not hold, or altered.
class SecretError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The id a stored value names its key by.
std::string keyIdOf(const HostKey& key);

class SecretBox {
public:
    /// `keys.front()` seals; each key opens what it sealed. Throws std::invalid_argument when
    /// `keys` is empty.
    explicit SecretBox(std::vector<HostKey> keys);

    std::string seal(const std::string& plain, const std::string& column) const;
    /// The plain text of `stored`. A text not in the sealed form (written before the host
    /// encrypted its secrets) is returned as it is; isSealed() tells them apart. Throws
    /// SecretError (naming the key id, never the value) when it does not open.
    std::string open(const std::string& stored, const std::string& column) const;

    static bool isSealed(const std::string& stored);
    /// The key id `stored` names; empty when it is not sealed.
    static std::string keyIdIn(const std::string& stored);
    const std::string& sealingKeyId() const { return _ids.front(); }

private:
    std::vector<HostKey> _keys;
    std::vector<std::string> _ids;
};

} // namespace mockhost
