#include "adapter/JsonIo.h"

#include <cppunit/extensions/HelperMacros.h>

#include <functional>
#include <stdexcept>

using namespace ict::adapter;
using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

// Reading action request bodies. The out-of-range and long-value cases came from
// tests/fuzz/InputValidatorsFuzzer.cpp: each used to leave as something other than an
// InvalidInput ToolError naming the field, or to quote a whole pasted document.
class JsonIoTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JsonIoTest);
    CPPUNIT_TEST(emptyBodyIsEmptyObject);
    CPPUNIT_TEST(nonObjectBodyIsRejected);
    CPPUNIT_TEST(integersFromNumbersAndStrings);
    CPPUNIT_TEST(integerAboveInt64IsInvalidInput);
    CPPUNIT_TEST(wrongValueIsQuotedShort);
    CPPUNIT_TEST_SUITE_END();

public:
    static ToolError errorOf(const std::function<void()>& call) {
        try {
            call();
        } catch (const ToolError& e) {
            return e;
        }
        CPPUNIT_FAIL("no ToolError");
        throw std::logic_error("unreachable");
    }

    void emptyBodyIsEmptyObject() {
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), parseBody(" \r\n")->size());
        CPPUNIT_ASSERT_EQUAL(std::string("{}"), toJson(*parseBody("")));
    }

    void nonObjectBodyIsRejected() {
        const ToolError array = errorOf([] { parseBody("[1]"); });
        CPPUNIT_ASSERT(array.code() == ErrorCode::InvalidInput);
        CPPUNIT_ASSERT_EQUAL(std::string("body"), array.field());
        CPPUNIT_ASSERT(errorOf([] { parseBody("{\"a\":"); }).code() == ErrorCode::InvalidInput);
    }

    void integersFromNumbersAndStrings() {
        const auto body = parseBody(R"({"a": 9223372036854775807, "b": "-12", "c": "12x"})");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(9223372036854775807LL), requiredInt(*body, "a"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(-12), requiredInt(*body, "b"));
        CPPUNIT_ASSERT_EQUAL(std::string("c"), errorOf([&] { requiredInt(*body, "c"); }).field());
    }

    // Poco keeps 18446744073709551615 as UInt64; converting it threw Poco::RangeException, which
    // the tool turned into an Internal error instead of naming the field.
    void integerAboveInt64IsInvalidInput() {
        const auto body = parseBody(R"({"instanceId": 18446744073709551615})");
        const ToolError error = errorOf([&] { requiredInt(*body, "instanceId"); });
        CPPUNIT_ASSERT(error.code() == ErrorCode::InvalidInput);
        CPPUNIT_ASSERT_EQUAL(std::string("instanceId"), error.field());
        CPPUNIT_ASSERT(std::string(error.what()).find("18446744073709551615") != std::string::npos);
    }

    void wrongValueIsQuotedShort() {
        const std::string longText(5000, 'x');
        const auto body =
            parseBody("{\"name\": [\"" + longText + "\"], \"id\": \"" + longText + "\"}");
        const ToolError notString = errorOf([&] { optionalString(*body, "name"); });
        CPPUNIT_ASSERT_EQUAL(std::string("name"), notString.field());
        CPPUNIT_ASSERT(std::string(notString.what()).size() < 200);
        CPPUNIT_ASSERT(std::string(notString.what()).find("...") != std::string::npos);
        const ToolError notInt = errorOf([&] { requiredInt(*body, "id"); });
        CPPUNIT_ASSERT(std::string(notInt.what()).size() < 200);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonIoTest);
