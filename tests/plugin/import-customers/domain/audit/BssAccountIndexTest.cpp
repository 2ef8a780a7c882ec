#include "domain/audit/BssAccountIndex.h"

#include "plugin/import-customers/domain/audit/AccountFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace accountfixtures;

class BssAccountIndexTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BssAccountIndexTest);
    CPPUNIT_TEST(eachKeyRelatesAndStrongestFirst);
    CPPUNIT_TEST(accountMatchingSeveralKeysIsListedOnceWithStrongest);
    CPPUNIT_TEST(emptyValuesNeverMatch);
    CPPUNIT_TEST(unrelatedAccountsAreLeftOut);
    CPPUNIT_TEST(findById);
    CPPUNIT_TEST_SUITE_END();

public:
    void eachKeyRelatesAndStrongestFirst() {
        const BssAccountIndex index({account(5, "Contoso Ltd", "", ""),
                                     account(7, "Other", "", "CONTOSO.com."),
                                     account(9, "Renamed", kTenant, "")});
        const auto related = index.related(kTenant, "contoso.com", "Contoso");
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), related.size());
        CPPUNIT_ASSERT(related[0] == (RelatedAccount{9, "Renamed", MatchKey::MicrosoftId}));
        CPPUNIT_ASSERT(related[1] == (RelatedAccount{7, "Other", MatchKey::PrimaryDomain}));
        CPPUNIT_ASSERT(related[2] == (RelatedAccount{5, "Contoso Ltd", MatchKey::CompanyName}));
    }
    void accountMatchingSeveralKeysIsListedOnceWithStrongest() {
        const BssAccountIndex index(
            {account(3, "Contoso", "6A1D4E7B-0C2F-4B8A-9E3D-12AB34CD56EF", "contoso.com")});
        const auto related = index.related(kTenant, "contoso.com", "Contoso");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), related.size());
        CPPUNIT_ASSERT(related[0].key == MatchKey::MicrosoftId);
    }
    void emptyValuesNeverMatch() {
        const BssAccountIndex index({account(1, "", "", "")});
        CPPUNIT_ASSERT(index.related("", "", "").empty());
        CPPUNIT_ASSERT(index.related(kTenant, "contoso.com", "--").empty());
    }
    void unrelatedAccountsAreLeftOut() {
        const BssAccountIndex index(
            {account(1, "Fabrikam", "11111111-1111-1111-1111-111111111111", "fabrikam.com")});
        CPPUNIT_ASSERT(index.related(kTenant, "contoso.com", "Contoso").empty());
    }
    void findById() {
        const BssAccountIndex index({account(42, "Contoso", "", "")});
        CPPUNIT_ASSERT(index.find(42) != nullptr);
        CPPUNIT_ASSERT_EQUAL(std::string("Contoso"), index.find(42)->name);
        CPPUNIT_ASSERT(index.find(43) == nullptr);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BssAccountIndexTest);
