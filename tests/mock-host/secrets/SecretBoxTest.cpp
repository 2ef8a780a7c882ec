#include "secrets/SecretBox.h"
#include "secrets/HostKeyFile.h"

#include <cppunit/extensions/HelperMacros.h>

using mockhost::HostKey;
using mockhost::HostKeyFile;
using mockhost::SecretBox;
using mockhost::SecretError;

namespace {

const char* const kColumn = "microsoft_instances.refresh_token";

template <typename F> std::string errorOf(F&& f) {
    try {
        f();
    } catch (const SecretError& e) {
        return e.what();
    }
    return "(opened)";
}

} // namespace

class SecretBoxTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SecretBoxTest);
    CPPUNIT_TEST(aSealedValueOpensAndShowsNothingOfTheSecret);
    CPPUNIT_TEST(everySealIsFreshAndTheEmptyTextStaysEmpty);
    CPPUNIT_TEST(anAlteredOrMovedValueDoesNotOpen);
    CPPUNIT_TEST(anotherKeyDoesNotOpenItButAKeptOldKeyDoes);
    CPPUNIT_TEST(plainTextIsToldApart);
    CPPUNIT_TEST_SUITE_END();

public:
    void aSealedValueOpensAndShowsNothingOfTheSecret() {
        const SecretBox box({HostKeyFile::newKey()});
        const std::string secret = "0.AXoA-refresh-token-of-the-partner";
        const std::string sealed = box.seal(secret, kColumn);
        CPPUNIT_ASSERT(SecretBox::isSealed(sealed));
        CPPUNIT_ASSERT_EQUAL(std::string("enc:v1:" + box.sealingKeyId() + ":"),
                             sealed.substr(0, 16));
        CPPUNIT_ASSERT(sealed.find("refresh-token") == std::string::npos);
        CPPUNIT_ASSERT_EQUAL(secret, box.open(sealed, kColumn));
    }

    void everySealIsFreshAndTheEmptyTextStaysEmpty() {
        const SecretBox box({HostKeyFile::newKey()});
        CPPUNIT_ASSERT(box.seal("same", kColumn) != box.seal("same", kColumn));
        CPPUNIT_ASSERT_EQUAL(std::string(), box.seal("", kColumn));
        CPPUNIT_ASSERT_EQUAL(std::string(), box.open("", kColumn));
    }

    void anAlteredOrMovedValueDoesNotOpen() {
        const SecretBox box({HostKeyFile::newKey()});
        const std::string sealed = box.seal("app-secret-value", kColumn);
        std::string altered = sealed;
        altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
        CPPUNIT_ASSERT(errorOf([&] { box.open(altered, kColumn); }).find("altered") !=
                       std::string::npos);
        // The column is bound in: an app secret copied into the token column does not open.
        CPPUNIT_ASSERT(errorOf([&] {
                           box.open(sealed, "microsoft_instances.app_secret");
                       }).find("altered") != std::string::npos);
        CPPUNIT_ASSERT(errorOf([&] { box.open(sealed.substr(0, 20), kColumn); }) != "(opened)");
    }

    void anotherKeyDoesNotOpenItButAKeptOldKeyDoes() {
        const HostKey old = HostKeyFile::newKey(), current = HostKeyFile::newKey();
        const std::string sealed = SecretBox({old}).seal("token", kColumn);
        const std::string refusal = errorOf([&] { SecretBox({current}).open(sealed, kColumn); });
        CPPUNIT_ASSERT_MESSAGE(refusal, refusal.find(mockhost::keyIdOf(old)) != std::string::npos);
        CPPUNIT_ASSERT(refusal.find(sealed.substr(16)) == std::string::npos);
        const SecretBox rotated({current, old});
        CPPUNIT_ASSERT_EQUAL(std::string("token"), rotated.open(sealed, kColumn));
        CPPUNIT_ASSERT_EQUAL(mockhost::keyIdOf(current),
                             SecretBox::keyIdIn(rotated.seal("token", kColumn)));
    }

    void plainTextIsToldApart() {
        const SecretBox box({HostKeyFile::newKey()});
        CPPUNIT_ASSERT(!SecretBox::isSealed("plain-secret"));
        CPPUNIT_ASSERT_EQUAL(std::string("plain-secret"), box.open("plain-secret", kColumn));
        CPPUNIT_ASSERT_EQUAL(std::string(), SecretBox::keyIdIn("plain-secret"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SecretBoxTest);
