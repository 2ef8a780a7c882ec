#include "gateway/PageWalkGuard.h"
#include "gateway/GatewayError.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;

// What keeps one list walk finite, and the only header an answer may set on our next request.
class PageWalkGuardTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PageWalkGuardTest);
    CPPUNIT_TEST(freshTokensWalkOn);
    CPPUNIT_TEST(theSameTokenTwiceInARowIsACycle);
    CPPUNIT_TEST(aLongerCycleIsFound);
    CPPUNIT_TEST(pagesPastTheCapAreEndless);
    CPPUNIT_TEST(emptyPagesInARowAreEndless);
    CPPUNIT_TEST(anEmptyPageBetweenFullOnesIsFine);
    CPPUNIT_TEST(onlyTheContinuationHeaderIsKept);
    CPPUNIT_TEST(controlCharactersInTheTokenAreRefused);
    CPPUNIT_TEST_SUITE_END();

    template <typename F> static std::string malformed(F action) {
        try {
            action();
        } catch (const GatewayError& e) {
            CPPUNIT_ASSERT(e.kind() == GatewayErrorKind::MalformedResponse);
            return e.what();
        }
        CPPUNIT_FAIL("expected a malformed-answer error");
        return {};
    }
    static bool contains(const std::string& text, const std::string& part) {
        return text.find(part) != std::string::npos;
    }

public:
    void freshTokensWalkOn() {
        PageWalkGuard guard("GET /v1/customers", 1000, 3);
        for (int page = 0; page < 999; ++page)
            guard.next(500, "token-" + std::to_string(page));
    }

    void theSameTokenTwiceInARowIsACycle() {
        PageWalkGuard guard("GET /v1/customers", 1000, 3);
        guard.next(10, "a");
        const auto text = malformed([&] { guard.next(10, "a"); });
        CPPUNIT_ASSERT(contains(text, "GET /v1/customers"));
        CPPUNIT_ASSERT(contains(text, "page 2"));
        CPPUNIT_ASSERT(contains(text, "cycle"));
    }

    void aLongerCycleIsFound() {
        PageWalkGuard guard("GET /v1/customers", 1000, 3);
        guard.next(10, "a");
        guard.next(10, "b");
        guard.next(10, "c");
        CPPUNIT_ASSERT(contains(malformed([&] { guard.next(10, "a"); }), "page 4"));
    }

    void pagesPastTheCapAreEndless() {
        PageWalkGuard guard("GET /v1/customers", 5, 3);
        for (int page = 0; page < 4; ++page)
            guard.next(1, "t" + std::to_string(page));
        CPPUNIT_ASSERT(contains(malformed([&] { guard.next(1, "t4"); }), "after 5 pages"));
    }

    void emptyPagesInARowAreEndless() {
        PageWalkGuard guard("GET /v1/customers", 1000, 3);
        guard.next(500, "full");
        guard.next(0, "e1");
        guard.next(0, "e2");
        CPPUNIT_ASSERT(contains(malformed([&] { guard.next(0, "e3"); }), "3 pages in a row"));
    }

    void anEmptyPageBetweenFullOnesIsFine() {
        PageWalkGuard guard("GET /v1/customers", 1000, 3);
        for (int page = 0; page < 30; ++page)
            guard.next(page % 3 == 0 ? 0 : 7, "t" + std::to_string(page));
        // Pages led on by a next link alone carry no token to compare.
        guard.next(7, "");
        guard.next(7, "");
    }

    void onlyTheContinuationHeaderIsKept() {
        const HeaderList kept = continuationHeaders(
            {{"X-Injected", "1"}, {"ms-continuationtoken", "abc=="}, {"Authorization", "x"}},
            "GET /v1/customers");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), kept.size());
        CPPUNIT_ASSERT_EQUAL(std::string("MS-ContinuationToken"), kept[0].first);
        CPPUNIT_ASSERT_EQUAL(std::string("abc=="), kept[0].second);
    }

    void controlCharactersInTheTokenAreRefused() {
        for (const std::string& bad :
             {std::string("a\r\nX-Forged: yes"), std::string("a\0b", 3), std::string("a\tb")}) {
            const auto text = malformed([&] {
                continuationHeaders({{"MS-ContinuationToken", bad}}, "GET /v1/customers");
            });
            CPPUNIT_ASSERT(contains(text, "control character"));
            CPPUNIT_ASSERT(!contains(text, "X-Forged")); // the value itself is not echoed
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PageWalkGuardTest);
