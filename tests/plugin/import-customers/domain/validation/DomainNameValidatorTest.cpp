#include "domain/validation/DomainNameValidator.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::isDomainName;
using ict::domain::validatePrimaryDomain;

class DomainNameValidatorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DomainNameValidatorTest);
    CPPUNIT_TEST(mixedCaseDomainIsTrimmedAndLowerCased);
    CPPUNIT_TEST(singleLabelNamesFieldAndValue);
    CPPUNIT_TEST(hyphenAtLabelEdgeIsRejected);
    CPPUNIT_TEST(labelAndTotalLengthLimits);
    CPPUNIT_TEST(punycodeIsAcceptedRawUnicodeIsNot);
    CPPUNIT_TEST(emptyLabelsAndBadCharactersAreRejected);
    CPPUNIT_TEST(trailingDotIsDropped);
    CPPUNIT_TEST(ipAddressIsNotADomain);
    CPPUNIT_TEST_SUITE_END();

public:
    void mixedCaseDomainIsTrimmedAndLowerCased() {
        const auto result = validatePrimaryDomain("  Contoso.OnMicrosoft.COM ");
        CPPUNIT_ASSERT(result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("contoso.onmicrosoft.com"), result.value);
    }
    void singleLabelNamesFieldAndValue() {
        const auto result = validatePrimaryDomain("foo");
        CPPUNIT_ASSERT(!result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("Primary Domain 'foo' is not a valid domain name."),
                             result.error);
    }
    void hyphenAtLabelEdgeIsRejected() {
        CPPUNIT_ASSERT(!isDomainName("-contoso.com"));
        CPPUNIT_ASSERT(!isDomainName("contoso-.com"));
        CPPUNIT_ASSERT(isDomainName("con-toso.com"));
    }
    void labelAndTotalLengthLimits() {
        CPPUNIT_ASSERT(isDomainName(std::string(63, 'a') + ".com"));
        CPPUNIT_ASSERT(!isDomainName(std::string(64, 'a') + ".com"));
        // Three 63-byte labels and their dots take 192 bytes; a last label of 61 makes 253.
        const std::string label(63, 'b');
        const std::string prefix = label + "." + label + "." + label + ".";
        CPPUNIT_ASSERT(isDomainName(prefix + std::string(61, 'c')));
        CPPUNIT_ASSERT(!isDomainName(prefix + std::string(62, 'c')));
    }
    void punycodeIsAcceptedRawUnicodeIsNot() {
        CPPUNIT_ASSERT(isDomainName("xn--mnchen-3ya.de"));
        CPPUNIT_ASSERT(!validatePrimaryDomain("m\xC3\xBCnchen.de").ok());
    }
    void emptyLabelsAndBadCharactersAreRejected() {
        CPPUNIT_ASSERT(!isDomainName("contoso..com"));
        CPPUNIT_ASSERT(!isDomainName(".contoso.com"));
        CPPUNIT_ASSERT(!isDomainName("con_toso.com"));
        CPPUNIT_ASSERT(!isDomainName("contoso com.org"));
        CPPUNIT_ASSERT(!validatePrimaryDomain("").ok());
    }
    void trailingDotIsDropped() {
        const auto result = validatePrimaryDomain("fabrikam.com.");
        CPPUNIT_ASSERT(result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("fabrikam.com"), result.value);
        CPPUNIT_ASSERT(!validatePrimaryDomain("fabrikam.com..").ok());
    }
    void ipAddressIsNotADomain() {
        CPPUNIT_ASSERT(!isDomainName("10.0.0.1"));
        CPPUNIT_ASSERT(isDomainName("1and1.de"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DomainNameValidatorTest);
