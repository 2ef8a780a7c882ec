#include "auth/PasswordHasher.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/NumberParser.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA1Engine.h>

#include <openssl/evp.h>

#include <stdexcept>
#include <vector>

namespace mockhost {
namespace {

const std::string kScheme = "pbkdf2-sha256$";

std::string sha256Hex(const std::string& password, const std::string& salt, int iterations) {
    std::vector<unsigned char> key(32);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(),
                          static_cast<int>(key.size()), key.data()) != 1)
        throw std::runtime_error("PBKDF2-HMAC-SHA256 failed");
    return Poco::DigestEngine::digestToHex(key);
}

/// The scheme of stores before PBKDF2-HMAC-SHA256.
std::string legacySha1Hex(const std::string& password, const std::string& salt) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Poco::SHA1Engine>> engine(salt, 20000, 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool sameText(const std::string& a, const std::string& b) {
    return Poco::DigestEngine::constantTimeEquals(Poco::DigestEngine::Digest(a.begin(), a.end()),
                                                  Poco::DigestEngine::Digest(b.begin(), b.end()));
}

bool isLegacy(const std::string& stored) {
    return stored.size() == 64 && stored.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

std::string PasswordHasher::newSalt() {
    Poco::RandomInputStream random;
    Poco::DigestEngine::Digest bytes(16);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random.get());
    return Poco::DigestEngine::digestToHex(bytes);
}

std::string PasswordHasher::hash(const std::string& password, const std::string& salt) {
    return kScheme + std::to_string(kIterations) + "$" + sha256Hex(password, salt, kIterations);
}

bool PasswordHasher::verify(const std::string& password, const std::string& salt,
                            const std::string& stored) {
    if (isLegacy(stored))
        return sameText(legacySha1Hex(password, salt), stored);
    if (stored.compare(0, kScheme.size(), kScheme) != 0)
        return false;
    const auto dollar = stored.find('$', kScheme.size());
    int iterations = 0;
    // Bounds keep a tampered row from making one log-in take minutes.
    if (dollar == std::string::npos ||
        !Poco::NumberParser::tryParse(stored.substr(kScheme.size(), dollar - kScheme.size()),
                                      iterations) ||
        iterations < 1000 || iterations > 10 * kIterations)
        return false;
    return sameText(sha256Hex(password, salt, iterations), stored.substr(dollar + 1));
}

bool PasswordHasher::needsRehash(const std::string& stored) {
    return stored.rfind(kScheme + std::to_string(kIterations) + "$", 0) != 0;
}

} // namespace mockhost
