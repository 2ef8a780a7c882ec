#include "domain/validation/UnknownTenantMessages.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::unknownPrimaryDomainMessage;
using ict::domain::unknownTenantIdMessage;

class UnknownTenantMessagesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(UnknownTenantMessagesTest);
    CPPUNIT_TEST(idMessageIsTheSeedText);
    CPPUNIT_TEST(domainMessageNamesTheDomain);
    CPPUNIT_TEST_SUITE_END();

public:
    void idMessageIsTheSeedText() {
        CPPUNIT_ASSERT_EQUAL(std::string("The Microsoft Tenant with ID "
                                         "'6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef' does not exist."),
                             unknownTenantIdMessage("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef"));
    }
    void domainMessageNamesTheDomain() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("The Microsoft Tenant with Primary Domain 'fabrikam.com' does not exist."),
            unknownPrimaryDomainMessage("fabrikam.com"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(UnknownTenantMessagesTest);
