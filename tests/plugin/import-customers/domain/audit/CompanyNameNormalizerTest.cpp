#include "domain/audit/CompanyNameNormalizer.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::normalizeCompanyName;

class CompanyNameNormalizerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CompanyNameNormalizerTest);
    CPPUNIT_TEST(caseAndPunctuationCollapse);
    CPPUNIT_TEST(legalSuffixesAreDropped);
    CPPUNIT_TEST(stackedSuffixesAndAmpersandCo);
    CPPUNIT_TEST(suffixAloneIsKept);
    CPPUNIT_TEST(suffixInsideTheNameIsKept);
    CPPUNIT_TEST(unicodeIsByteWiseWithSpacesNormalised);
    CPPUNIT_TEST(emptyAndPunctuationOnlyGiveEmpty);
    CPPUNIT_TEST(differentNamesStayDifferent);
    CPPUNIT_TEST_SUITE_END();

public:
    void caseAndPunctuationCollapse() {
        CPPUNIT_ASSERT_EQUAL(std::string("contoso pharma"),
                             normalizeCompanyName("  CONTOSO -- Pharma!!  "));
        CPPUNIT_ASSERT_EQUAL(std::string("obrien sons"), normalizeCompanyName("O'Brien, Sons"));
        CPPUNIT_ASSERT_EQUAL(std::string("obrien"), normalizeCompanyName("O\xE2\x80\x99"
                                                                         "Brien"));
    }
    void legalSuffixesAreDropped() {
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso, Ltd."));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("CONTOSO LTD"));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso Inc."));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso LLC"));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso GmbH"));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso S.A."));
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), normalizeCompanyName("Contoso Corp"));
    }
    void stackedSuffixesAndAmpersandCo() {
        CPPUNIT_ASSERT_EQUAL(std::string("fabrikam"), normalizeCompanyName("Fabrikam Pty Ltd"));
        CPPUNIT_ASSERT_EQUAL(std::string("smith and sons"),
                             normalizeCompanyName("Smith & Sons GmbH & Co. KG"));
        CPPUNIT_ASSERT_EQUAL(normalizeCompanyName("Smith and Sons"),
                             normalizeCompanyName("Smith & Sons"));
    }
    void suffixAloneIsKept() {
        CPPUNIT_ASSERT_EQUAL(std::string("ltd"), normalizeCompanyName("Ltd."));
        CPPUNIT_ASSERT_EQUAL(std::string("company"), normalizeCompanyName("Company Co"));
    }
    void suffixInsideTheNameIsKept() {
        CPPUNIT_ASSERT_EQUAL(std::string("inc solutions"), normalizeCompanyName("Inc Solutions"));
    }
    void unicodeIsByteWiseWithSpacesNormalised() {
        // "Ελληνική\u00A0Εταιρεία  Α.Ε." : the no-break space separates words, letters are kept as
        // bytes (no case folding), and the Greek "Α.Ε." is not an ASCII suffix.
        const std::string greek =
            "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAE";
        const std::string firm = "\xCE\x95\xCF\x84\xCE\xB1\xCE\xB9\xCF\x81\xCE\xB5\xCE\xAF\xCE\xB1";
        CPPUNIT_ASSERT_EQUAL(greek + " " + firm,
                             normalizeCompanyName(greek + "\xC2\xA0" + firm + "   "));
        CPPUNIT_ASSERT_EQUAL(greek + " " + firm,
                             normalizeCompanyName(greek + "\xE3\x80\x80" + firm));
        CPPUNIT_ASSERT(normalizeCompanyName("M\xC3\xBCller") != normalizeCompanyName("M\xC3\x9C"
                                                                                     "LLER"));
    }
    void emptyAndPunctuationOnlyGiveEmpty() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), normalizeCompanyName(""));
        CPPUNIT_ASSERT_EQUAL(std::string(""), normalizeCompanyName(" -- ,, "));
    }
    void differentNamesStayDifferent() {
        CPPUNIT_ASSERT(normalizeCompanyName("Contoso") != normalizeCompanyName("Contoso Pharma"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CompanyNameNormalizerTest);
