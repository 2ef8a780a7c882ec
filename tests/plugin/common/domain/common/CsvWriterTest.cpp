#include "domain/common/CsvWriter.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::csvCell;
using ict::domain::csvRecord;
using ict::domain::writeCsv;

class CsvWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CsvWriterTest);
    CPPUNIT_TEST(plainCellsAreUnchanged);
    CPPUNIT_TEST(quotesCommasQuotesAndNewlines);
    CPPUNIT_TEST(neutralisesFormulas);
    CPPUNIT_TEST(neutralisedFormulaIsStillQuotedWhenNeeded);
    CPPUNIT_TEST(rowsEndWithCrlf);
    CPPUNIT_TEST(aRecordIsOneRowOfWriteCsv);
    CPPUNIT_TEST_SUITE_END();

public:
    void plainCellsAreUnchanged() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), csvCell(""));
        CPPUNIT_ASSERT_EQUAL(std::string("Contoso Ltd"), csvCell("Contoso Ltd"));
        CPPUNIT_ASSERT_EQUAL(std::string("Müller GmbH"), csvCell("Müller GmbH"));
        CPPUNIT_ASSERT_EQUAL(std::string("2025-11-25"), csvCell("2025-11-25"));
        CPPUNIT_ASSERT_EQUAL(std::string("a=b"), csvCell("a=b"));
    }
    void quotesCommasQuotesAndNewlines() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"Contoso, Ltd\""), csvCell("Contoso, Ltd"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"say \"\"hi\"\"\""), csvCell("say \"hi\""));
        CPPUNIT_ASSERT_EQUAL(std::string("\"line1\nline2\""), csvCell("line1\nline2"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\r\nb\""), csvCell("a\r\nb"));
    }
    void neutralisesFormulas() {
        CPPUNIT_ASSERT_EQUAL(std::string("'=1+2"), csvCell("=1+2"));
        CPPUNIT_ASSERT_EQUAL(std::string("'+SUM(A1)"), csvCell("+SUM(A1)"));
        CPPUNIT_ASSERT_EQUAL(std::string("'-2"), csvCell("-2"));
        CPPUNIT_ASSERT_EQUAL(std::string("'@cmd"), csvCell("@cmd"));
        CPPUNIT_ASSERT_EQUAL(std::string("'\tx"), csvCell("\tx"));
    }
    void neutralisedFormulaIsStillQuotedWhenNeeded() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
                             csvCell("=HYPERLINK(\"http://x\",\"y\")"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"'\rx\""), csvCell("\rx"));
    }
    void rowsEndWithCrlf() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), writeCsv({}));
        CPPUNIT_ASSERT_EQUAL(std::string("a,b,c\r\n1,\"x,y\",\r\n\r\n"),
                             writeCsv({{"a", "b", "c"}, {"1", "x,y", ""}, {}}));
    }
    void aRecordIsOneRowOfWriteCsv() {
        CPPUNIT_ASSERT_EQUAL(std::string("\r\n"), csvRecord({}));
        CPPUNIT_ASSERT_EQUAL(std::string(",\r\n"), csvRecord({"", ""}));
        CPPUNIT_ASSERT_EQUAL(std::string("a,\"x,y\",'=1,\"say \"\"hi\"\"\"\r\n"),
                             csvRecord({"a", "x,y", "=1", "say \"hi\""}));
        const std::vector<std::vector<std::string>> rows = {
            {"run_id", "tenant"}, {"r1", "Contoso, Ltd"}, {}, {"r2", "line1\nline2", "-3"}};
        std::string streamed;
        for (const auto& row : rows)
            streamed += csvRecord(row);
        CPPUNIT_ASSERT_EQUAL(writeCsv(rows), streamed);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CsvWriterTest);
