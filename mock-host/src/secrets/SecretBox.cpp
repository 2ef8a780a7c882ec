#include "secrets/SecretBox.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <sstream>

namespace mockhost {
namespace {

const std::string kPrefix = "enc:v1:";
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using Context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Context newContext() {
    Context context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!context)
        throw std::runtime_error("OpenSSL could not make a cipher context");
    return context;
}

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::string unbase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::ostringstream out;
    out << decoder.rdbuf();
    return out.str();
}

const unsigned char* bytesOf(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

std::string keyIdOf(const HostKey& key) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(key.data(), key.size(), digest);
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(digest, digest + 4));
}

SecretBox::SecretBox(std::vector<HostKey> keys) : _keys(std::move(keys)) {
    if (_keys.empty())
        throw std::invalid_argument("a secret box needs a key");
    for (const HostKey& key : _keys)
        _ids.push_back(keyIdOf(key));
}

bool SecretBox::isSealed(const std::string& stored) {
    return stored.compare(0, kPrefix.size(), kPrefix) == 0;
}

std::string SecretBox::keyIdIn(const std::string& stored) {
    if (!isSealed(stored))
        return "";
    const auto colon = stored.find(':', kPrefix.size());
    return colon == std::string::npos ? "" : stored.substr(kPrefix.size(), colon - kPrefix.size());
}

std::string SecretBox::seal(const std::string& plain, const std::string& column) const {
    if (plain.empty())
        return plain;
    std::string nonce(kNonceBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), kNonceBytes) != 1)
        throw std::runtime_error("OpenSSL could not make a nonce");
    Context context = newContext();
    std::string cipher(plain.size(), '\0');
    std::string tag(kTagBytes, '\0');
    int length = 0;
    int final = 0;
    if (EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, _keys.front().data(),
                           bytesOf(nonce)) != 1 ||
        EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(column),
                          static_cast<int>(column.size())) != 1 ||
        EVP_EncryptUpdate(context.get(), reinterpret_cast<unsigned char*>(cipher.data()), &length,
                          bytesOf(plain), static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), nullptr, &final) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
        throw std::runtime_error("OpenSSL could not encrypt a secret");
    return kPrefix + _ids.front() + ":" + base64(nonce + cipher + tag);
}

std::string SecretBox::open(const std::string& stored, const std::string& column) const {
    if (!isSealed(stored))
        return stored;
    const std::string id = keyIdIn(stored);
    std::size_t key = 0;
    while (key < _ids.size() && _ids[key] != id)
        ++key;
    if (key == _ids.size())
        throw SecretError("it was sealed with key " + (id.empty() ? "(none)" : id) +
                          ", which the key file does not hold");
    const std::string bytes = unbase64(stored.substr(kPrefix.size() + id.size() + 1));
    if (bytes.size() < static_cast<std::size_t>(kNonceBytes + kTagBytes))
        throw SecretError("its sealed text is cut short");
    const std::string nonce = bytes.substr(0, kNonceBytes);
    const std::string cipher = bytes.substr(kNonceBytes, bytes.size() - kNonceBytes - kTagBytes);
    std::string tag = bytes.substr(bytes.size() - kTagBytes);
    Context context = newContext();
    std::string plain(cipher.size(), '\0');
    int length = 0;
    int final = 0;
    if (EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, _keys[key].data(),
                           bytesOf(nonce)) != 1 ||
        EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(column),
                          static_cast<int>(column.size())) != 1 ||
        EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char*>(plain.data()), &length,
                          bytesOf(cipher), static_cast<int>(cipher.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(context.get(), reinterpret_cast<unsigned char*>(plain.data()) + length,
                            &final) != 1)
        throw SecretError("it does not open with key " + id +
                          ": altered, or moved from another"
                          " column");
    return plain;
}

} // namespace mockhost
