#pragma once
/// Salted password hashes. New hashes are PBKDF2-HMAC-SHA256 at kIterations rounds (OWASP's
/// figure for 2023 on), computed by OpenSSL, stored as "pbkdf2-sha256$<rounds>$<32 bytes hex>"
/// with a 16-byte random salt beside it. Hashes written before (bare hex: PBKDF2-HMAC-SHA1, 20,000
/// rounds, Poco) still verify, and needsRehash() says to replace them at the next log-in.
#include <string>

namespace mockhost {

class PasswordHasher {
public:
    static constexpr int kIterations = 600000;

    /// A new random salt, 16 bytes as hex.
    static std::string newSalt();
    /// The stored form of `password` with `salt`, in the current scheme.
    static std::string hash(const std::string& password, const std::string& salt);
    /// Whether `password` with `salt` gives `stored` (either scheme), compared in constant time.
    /// A stored text of neither form never verifies.
    static bool verify(const std::string& password, const std::string& salt,
                       const std::string& stored);
    /// True when `stored` is not in the current scheme and rounds.
    static bool needsRehash(const std::string& stored);
};

} // namespace mockhost
