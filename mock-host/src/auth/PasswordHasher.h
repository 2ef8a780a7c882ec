#pragma once
/// Salted password hashes: PBKDF2-HMAC-SHA1 (Poco Foundation 1.11), 20000 rounds, hex text.
#include <string>

namespace mockhost {

class PasswordHasher {
public:
    /// A new random salt, 16 bytes as hex.
    static std::string newSalt();
    static std::string hash(const std::string& password, const std::string& salt);
    /// Constant-time comparison of hash(password, salt) with `expectedHash`.
    static bool verify(const std::string& password, const std::string& salt,
                       const std::string& expectedHash);
};

} // namespace mockhost
