#include "http/RequestGuard.h"

#include <cppunit/extensions/HelperMacros.h>

using mockhost::GuardedRequest;
using mockhost::GuardRefusal;
using mockhost::RequestGuard;

namespace {

/// The page's own call: POST JSON to the API from the page the host served.
GuardedRequest pageCall() {
    return {"POST",
            "/api/tools/import-customers/actions/import",
            std::string("127.0.0.1:8080"),
            std::string("application/json"),
            std::string("http://127.0.0.1:8080"),
            std::nullopt};
}

std::string fieldOf(const std::optional<GuardRefusal>& refusal) {
    return refusal ? refusal->field : "(passed)";
}

} // namespace

class RequestGuardTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RequestGuardTest);
    CPPUNIT_TEST(thePagesOwnCallsPass);
    CPPUNIT_TEST(aReboundHostNameIsRefusedUnlessAllowed);
    CPPUNIT_TEST(aFormPostIsRefusedForItsContentType);
    CPPUNIT_TEST(anotherOriginIsRefusedEvenOnTheSameSite);
    CPPUNIT_TEST(aRefererStandsInForAMissingOrigin);
    CPPUNIT_TEST(readsAndNonBrowserClientsAreNotAskedForAnOrigin);
    CPPUNIT_TEST(overHttpsOnlyTheHttpsOriginIsTheHosts);
    CPPUNIT_TEST_SUITE_END();

public:
    void thePagesOwnCallsPass() {
        const RequestGuard guard;
        CPPUNIT_ASSERT(!guard.check(pageCall()));
        GuardedRequest call = pageCall();
        call.contentType = "Application/JSON; charset=utf-8";
        call.host = "LOCALHOST:8080";
        call.origin = "http://localhost:8080";
        CPPUNIT_ASSERT(!guard.check(call));
        call.host = "[::1]:8080";
        call.origin = "http://[::1]:8080";
        CPPUNIT_ASSERT(!guard.check(call));
    }

    void aReboundHostNameIsRefusedUnlessAllowed() {
        GuardedRequest page{"GET",        "/",          std::string("attacker.example:8080"),
                            std::nullopt, std::nullopt, std::nullopt};
        const std::optional<GuardRefusal> refused = RequestGuard().check(page);
        CPPUNIT_ASSERT_EQUAL(std::string("Host"), fieldOf(refused));
        CPPUNIT_ASSERT_EQUAL(403, refused->status);
        CPPUNIT_ASSERT_MESSAGE(refused->message,
                               refused->message.find("attacker.example:8080") != std::string::npos);
        // A name that only starts like a loopback one is no loopback name.
        page.host = "127.0.0.1.attacker.example";
        CPPUNIT_ASSERT_EQUAL(std::string("Host"), fieldOf(RequestGuard().check(page)));

        const RequestGuard allowing({"bss.partner.example"});
        page.host = "BSS.partner.example.:8080";
        CPPUNIT_ASSERT(!allowing.check(page));
        GuardedRequest call = pageCall();
        call.host = "bss.partner.example:8080";
        call.origin = "http://bss.partner.example:8080";
        CPPUNIT_ASSERT(!allowing.check(call));
    }

    void aFormPostIsRefusedForItsContentType() {
        const RequestGuard guard;
        for (const std::optional<std::string>& type :
             {std::optional<std::string>("text/plain"),
              std::optional<std::string>("application/x-www-form-urlencoded"),
              std::optional<std::string>("multipart/form-data; boundary=x"),
              std::optional<std::string>("application/jsonx"), std::optional<std::string>()}) {
            GuardedRequest call = pageCall();
            call.contentType = type;
            const std::optional<GuardRefusal> refused = guard.check(call);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(type.value_or("(none)"), std::string("Content-Type"),
                                         fieldOf(refused));
            CPPUNIT_ASSERT_EQUAL(415, refused->status);
        }
    }

    void anotherOriginIsRefusedEvenOnTheSameSite() {
        const RequestGuard guard;
        for (const char* origin :
             {"http://127.0.0.1:9090", "https://127.0.0.1:8080", "null", "http://attacker.example",
              "http://127.0.0.1:8080.attacker.example"}) {
            GuardedRequest call = pageCall();
            call.origin = origin;
            const std::optional<GuardRefusal> refused = guard.check(call);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(origin, std::string("Origin"), fieldOf(refused));
            CPPUNIT_ASSERT_EQUAL(403, refused->status);
            CPPUNIT_ASSERT(refused->message.find(origin) != std::string::npos);
        }
    }

    void aRefererStandsInForAMissingOrigin() {
        const RequestGuard guard;
        GuardedRequest call = pageCall();
        call.origin.reset();
        call.referer = "http://127.0.0.1:8080/?instance=3#tenants";
        CPPUNIT_ASSERT(!guard.check(call));
        call.referer = "http://127.0.0.1:9090/evil.html";
        CPPUNIT_ASSERT_EQUAL(std::string("Referer"), fieldOf(guard.check(call)));
        // The Origin decides when both are there.
        call.origin = "http://127.0.0.1:8080";
        CPPUNIT_ASSERT(!guard.check(call));
    }

    void overHttpsOnlyTheHttpsOriginIsTheHosts() {
        const RequestGuard guard({}, true);
        GuardedRequest call = pageCall();
        call.origin = "https://127.0.0.1:8080";
        CPPUNIT_ASSERT(!guard.check(call));
        call.origin = "http://127.0.0.1:8080";
        CPPUNIT_ASSERT_EQUAL(std::string("Origin"), fieldOf(guard.check(call)));
    }

    void readsAndNonBrowserClientsAreNotAskedForAnOrigin() {
        const RequestGuard guard;
        GuardedRequest read{"GET",
                            "/api/tools/import-customers/streams/results-csv",
                            std::string("127.0.0.1:8080"),
                            std::nullopt,
                            std::string("http://127.0.0.1:9090"),
                            std::nullopt};
        CPPUNIT_ASSERT(!guard.check(read));
        GuardedRequest curl = pageCall();
        curl.origin.reset();
        CPPUNIT_ASSERT(!guard.check(curl));
        curl.host.reset(); // HTTP/1.0
        CPPUNIT_ASSERT(!guard.check(curl));
        // Outside /api nothing is changed: a POST there is just an unknown endpoint.
        GuardedRequest page{
            "POST",       "/index.html", std::string("127.0.0.1:8080"), std::string("text/plain"),
            std::nullopt, std::nullopt};
        CPPUNIT_ASSERT(!guard.check(page));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RequestGuardTest);
