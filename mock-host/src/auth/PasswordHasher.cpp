#include "auth/PasswordHasher.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA1Engine.h>

namespace mockhost {

std::string PasswordHasher::newSalt() {
    Poco::RandomInputStream random;
    Poco::DigestEngine::Digest bytes(16);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random.get());
    return Poco::DigestEngine::digestToHex(bytes);
}

std::string PasswordHasher::hash(const std::string& password, const std::string& salt) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Poco::SHA1Engine>> engine(salt, 20000, 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool PasswordHasher::verify(const std::string& password, const std::string& salt,
                            const std::string& expectedHash) {
    const std::string actual = hash(password, salt);
    if (actual.size() != expectedHash.size())
        return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < actual.size(); ++i)
        diff |= static_cast<unsigned char>(actual[i] ^ expectedHash[i]);
    return diff == 0;
}

} // namespace mockhost
