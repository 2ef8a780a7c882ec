#include "auth/PasswordHasher.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/SHA1Engine.h>

using mockhost::PasswordHasher;

namespace {

/// What the host stored before PBKDF2-HMAC-SHA256 (bare hex of PBKDF2-HMAC-SHA1, 20,000 rounds).
std::string legacyHash(const std::string& password, const std::string& salt) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Poco::SHA1Engine>> engine(salt, 20000, 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace

class PasswordHasherTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PasswordHasherTest);
    CPPUNIT_TEST(aNewHashIsSha256AtTheCurrentCountAndVerifies);
    CPPUNIT_TEST(theRfcVectorOfPbkdf2Sha256Holds);
    CPPUNIT_TEST(anOldSha1HashStillVerifiesAndAsksForARehash);
    CPPUNIT_TEST(aTamperedStoreNeverVerifies);
    CPPUNIT_TEST_SUITE_END();

public:
    void aNewHashIsSha256AtTheCurrentCountAndVerifies() {
        const std::string salt = PasswordHasher::newSalt();
        CPPUNIT_ASSERT_EQUAL(std::size_t(32), salt.size());
        CPPUNIT_ASSERT(salt != PasswordHasher::newSalt());
        const std::string stored = PasswordHasher::hash("demo-password", salt);
        CPPUNIT_ASSERT_EQUAL(std::string("pbkdf2-sha256$600000$"), stored.substr(0, 21));
        CPPUNIT_ASSERT_EQUAL(std::size_t(21 + 64), stored.size());
        CPPUNIT_ASSERT(PasswordHasher::verify("demo-password", salt, stored));
        CPPUNIT_ASSERT(!PasswordHasher::verify("demo-passworD", salt, stored));
        CPPUNIT_ASSERT(!PasswordHasher::verify("demo-password", PasswordHasher::newSalt(), stored));
        CPPUNIT_ASSERT(!PasswordHasher::needsRehash(stored));
    }

    void theRfcVectorOfPbkdf2Sha256Holds() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "Password", S = "NaCl", c = 80000; the
        // first 32 bytes of its 64. A stored count other than the current one verifies too, and
        // asks for a rehash.
        const std::string stored =
            "pbkdf2-sha256$80000$4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56";
        CPPUNIT_ASSERT(PasswordHasher::verify("Password", "NaCl", stored));
        CPPUNIT_ASSERT(!PasswordHasher::verify("password", "NaCl", stored));
        CPPUNIT_ASSERT(PasswordHasher::needsRehash(stored));
        // Below the floor of 1,000 rounds nothing verifies, whatever it holds.
        CPPUNIT_ASSERT(
            !PasswordHasher::verify("Password", "NaCl", "pbkdf2-sha256$999$" + stored.substr(20)));
    }

    void anOldSha1HashStillVerifiesAndAsksForARehash() {
        const std::string salt = "00112233445566778899aabbccddeeff";
        const std::string old = legacyHash("demo-password", salt);
        CPPUNIT_ASSERT(PasswordHasher::verify("demo-password", salt, old));
        CPPUNIT_ASSERT(!PasswordHasher::verify("wrong-password", salt, old));
        CPPUNIT_ASSERT(PasswordHasher::needsRehash(old));
    }

    void aTamperedStoreNeverVerifies() {
        const std::string salt = "0123456789abcdef";
        const std::string stored = PasswordHasher::hash("demo-password", salt);
        for (const std::string& tampered :
             {std::string(""), std::string("pbkdf2-sha256$"),
              "pbkdf2-sha256$x$" + stored.substr(21),
              "pbkdf2-sha256$999999999$" + stored.substr(21), "md5$1$" + stored.substr(21),
              stored.substr(0, stored.size() - 1), stored + "0"})
            CPPUNIT_ASSERT_MESSAGE(tampered,
                                   !PasswordHasher::verify("demo-password", salt, tampered));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PasswordHasherTest);
