#include "domain/validation/TenantIdValidator.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::isGuid;
using ict::domain::validateTenantId;

class TenantIdValidatorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TenantIdValidatorTest);
    CPPUNIT_TEST(upperCaseGuidIsLowerCased);
    CPPUNIT_TEST(surroundingSpacesAreTrimmed);
    CPPUNIT_TEST(shortInputNamesFieldAndValue);
    CPPUNIT_TEST(bracesAndMissingDashesAreRejected);
    CPPUNIT_TEST(nonHexDigitIsRejected);
    CPPUNIT_TEST(longInputIsCutInMessage);
    CPPUNIT_TEST_SUITE_END();

public:
    void upperCaseGuidIsLowerCased() {
        const auto result = validateTenantId("6A1D4E7B-0C2F-4B8A-9E3D-12AB34CD56EF");
        CPPUNIT_ASSERT(result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef"), result.value);
    }
    void surroundingSpacesAreTrimmed() {
        const auto result = validateTenantId("  6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef\t");
        CPPUNIT_ASSERT(result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef"), result.value);
    }
    void shortInputNamesFieldAndValue() {
        const auto result = validateTenantId("abc");
        CPPUNIT_ASSERT(!result.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("Tenant ID 'abc' is not a valid GUID."), result.error);
        CPPUNIT_ASSERT(result.value.empty());
    }
    void bracesAndMissingDashesAreRejected() {
        CPPUNIT_ASSERT(!isGuid("{6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef}"));
        CPPUNIT_ASSERT(!isGuid("6a1d4e7b0c2f4b8a9e3d12ab34cd56ef"));
        CPPUNIT_ASSERT(!isGuid("6a1d4e7b-0c2f-4b8a-9e3d12ab-34cd56ef"));
        CPPUNIT_ASSERT(!validateTenantId("").ok());
        CPPUNIT_ASSERT_EQUAL(std::string("Tenant ID '' is not a valid GUID."),
                             validateTenantId("   ").error);
    }
    void nonHexDigitIsRejected() {
        CPPUNIT_ASSERT(!isGuid("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56eg"));
        CPPUNIT_ASSERT(isGuid("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef"));
    }
    void longInputIsCutInMessage() {
        const std::string input(300, 'x');
        const auto result = validateTenantId(input);
        CPPUNIT_ASSERT_EQUAL(std::string("Tenant ID '") + std::string(100, 'x') +
                                 "...' is not a valid GUID.",
                             result.error);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TenantIdValidatorTest);
