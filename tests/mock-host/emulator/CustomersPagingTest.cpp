#include "mock-host/emulator/EmulatorTestSupport.h"

#include <Poco/JSON/Array.h>

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace emulatortest;

class CustomersPagingTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CustomersPagingTest);
    CPPUNIT_TEST(followingNextLinksListsEveryCustomerOnce);
    CPPUNIT_TEST(nextLinkCanCarryTheV1Prefix);
    CPPUNIT_TEST(exhaustedTokenCanAnswer400Code2000);
    CPPUNIT_TEST(rejectsBadContinuationTokenAndSize);
    CPPUNIT_TEST(hostileCycleLeadsBackToTheFirstPage);
    CPPUNIT_TEST(hostileEndlessPagesNeverEnd);
    CPPUNIT_TEST(hostileHeadersAreOfferedAndCounted);
    CPPUNIT_TEST(hostilePagingIsValidated);
    CPPUNIT_TEST_SUITE_END();

public:
    void followingNextLinksListsEveryCustomerOnce() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        int pages = 0;
        const std::vector<std::string> ids = listAll(client, access, "/v1/customers?size=7", pages);

        const auto data = running.emulator->state().snapshot();
        std::set<std::string> expected;
        for (const auto& customer : data.customers)
            expected.insert(customer.id);
        CPPUNIT_ASSERT_EQUAL(data.customers.size(), ids.size());
        CPPUNIT_ASSERT(std::set<std::string>(ids.begin(), ids.end()) == expected);
        CPPUNIT_ASSERT_EQUAL(int((data.customers.size() + 6) / 7), pages);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(pages),
                             running.emulator->state().counters().count("customers.list"));
    }

    void nextLinkCanCarryTheV1Prefix() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto plain = client.get("/v1/customers?size=5", access).json();
        CPPUNIT_ASSERT_EQUAL(0, int(nextUri(plain).rfind("/customers?", 0)));

        auto compatibility = running.emulator->state().compatibility();
        compatibility.nextLinkWithV1 = true;
        running.emulator->state().setCompatibility(compatibility);
        const auto prefixed = client.get("/v1/customers?size=5", access).json();
        CPPUNIT_ASSERT_EQUAL(0, int(nextUri(prefixed).rfind("/v1/customers?", 0)));
        int pages = 0;
        CPPUNIT_ASSERT_EQUAL(std::size_t(60),
                             listAll(client, access, "/v1/customers?size=25", pages).size());
    }

    void exhaustedTokenCanAnswer400Code2000() {
        auto options = RunningEmulator::defaults();
        options.compatibility.exhaustedContinuationAs400 = true;
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        std::string uri = "/v1/customers?size=50";
        std::map<std::string, std::string> headers;
        std::size_t seen = 0;
        for (;;) {
            const HttpResult page = client.get(uri, access, headers);
            if (page.status == 400) {
                CPPUNIT_ASSERT_EQUAL(2000, page.json()->getValue<int>("code"));
                break;
            }
            CPPUNIT_ASSERT_EQUAL(200, page.status);
            const auto body = page.json();
            seen += body->getArray("items")->size();
            CPPUNIT_ASSERT_MESSAGE("every page has a next link in this mode",
                                   body->getObject("links")->has("next"));
            uri = "/v1" + nextUri(body);
            headers = {{"MS-ContinuationToken", body->getValue<std::string>("continuationToken")}};
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t(60), seen);
    }

    void rejectsBadContinuationTokenAndSize() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const HttpResult bad = client.get("/v1/customers?size=5&seekOperation=Next", access,
                                          {{"MS-ContinuationToken", "garbage"}});
        CPPUNIT_ASSERT_EQUAL(400, bad.status);
        CPPUNIT_ASSERT_EQUAL(2000, bad.json()->getValue<int>("code"));
        const HttpResult missing = client.get("/v1/customers?size=5&seekOperation=Next", access);
        CPPUNIT_ASSERT_EQUAL(400, missing.status);
        CPPUNIT_ASSERT_EQUAL(400, client.get("/v1/customers?size=abc", access).status);
    }

    void hostileCycleLeadsBackToTheFirstPage() {
        auto options = RunningEmulator::defaults();
        options.compatibility.hostilePaging = "cycle";
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto first = client.get("/v1/customers?size=10", access).json();
        const auto second =
            client
                .get("/v1" + nextUri(first), access,
                     {{"MS-ContinuationToken", first->getValue<std::string>("continuationToken")}})
                .json();
        const auto third =
            client
                .get("/v1" + nextUri(second), access,
                     {{"MS-ContinuationToken", second->getValue<std::string>("continuationToken")}})
                .json();
        CPPUNIT_ASSERT(firstId(first) != firstId(second));
        CPPUNIT_ASSERT_EQUAL(firstId(first), firstId(third));
        CPPUNIT_ASSERT_EQUAL(first->getValue<std::string>("continuationToken"),
                             third->getValue<std::string>("continuationToken"));
    }

    void hostileEndlessPagesNeverEnd() {
        auto options = RunningEmulator::defaults();
        options.compatibility.hostilePaging = "endless";
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        std::string uri = "/v1/customers?size=50";
        std::map<std::string, std::string> headers;
        std::set<std::string> tokens;
        std::size_t seen = 0;
        for (int page = 0; page < 5; ++page) {
            const HttpResult result = client.get(uri, access, headers);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
            const auto body = result.json();
            seen += body->getArray("items")->size();
            const std::string token = body->getValue<std::string>("continuationToken");
            CPPUNIT_ASSERT_MESSAGE("every token is fresh", tokens.insert(token).second);
            uri = "/v1" + nextUri(body);
            headers = {{"MS-ContinuationToken", token}};
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t(60), seen); // two full pages, then empty ones
    }

    void hostileHeadersAreOfferedAndCounted() {
        auto options = RunningEmulator::defaults();
        options.compatibility.hostilePaging = "extraHeader";
        RunningEmulator running(options);
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto first = client.get("/v1/customers?size=10", access).json();
        const auto headers = first->getObject("links")->getObject("next")->getArray("headers");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), headers->size());
        CPPUNIT_ASSERT_EQUAL(std::string("X-Injected"),
                             headers->getObject(1)->getValue<std::string>("key"));
        auto& counters = running.emulator->state().counters();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), counters.count("forgedHeaders"));
        client.get("/v1/customers?size=10", access, {{"X-Injected", "1"}});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.count("forgedHeaders"));
    }

    void hostilePagingIsValidated() {
        RunningEmulator running;
        TestClient client = running.client();
        const HttpResult bad =
            client.control("POST", "compatibility", R"({"hostilePaging":"loop"})");
        CPPUNIT_ASSERT_EQUAL(400, bad.status);
        CPPUNIT_ASSERT_MESSAGE(bad.body, bad.body.find("loop") != std::string::npos);
        const HttpResult good =
            client.control("POST", "compatibility", R"({"hostilePaging":"endless"})");
        CPPUNIT_ASSERT_EQUAL(200, good.status);
        CPPUNIT_ASSERT_EQUAL(std::string("endless"),
                             running.emulator->state().compatibility().hostilePaging);
    }

private:
    static std::string firstId(const Poco::JSON::Object::Ptr& page) {
        return page->getArray("items")->getObject(0)->getValue<std::string>("id");
    }
    static std::string nextUri(const Poco::JSON::Object::Ptr& page) {
        return page->getObject("links")->getObject("next")->getValue<std::string>("uri");
    }

    /// Follows links.next like the SDK: GET the uri (prefixing /v1 when missing) with every
    /// header the link names.
    static std::vector<std::string> listAll(TestClient& client, const std::string& access,
                                            std::string uri, int& pages) {
        std::vector<std::string> ids;
        std::map<std::string, std::string> headers;
        for (pages = 0; pages < 1000; ++pages) {
            const HttpResult result = client.get(uri, access, headers);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
            const auto body = result.json();
            const auto items = body->getArray("items");
            CPPUNIT_ASSERT_EQUAL(int(items->size()), body->getValue<int>("totalCount"));
            for (std::size_t i = 0; i < items->size(); ++i)
                ids.push_back(items->getObject(unsigned(i))->getValue<std::string>("id"));
            const auto links = body->getObject("links");
            if (!links->has("next")) {
                CPPUNIT_ASSERT(!body->has("continuationToken"));
                return (++pages, ids);
            }
            const auto next = links->getObject("next");
            uri = next->getValue<std::string>("uri");
            if (uri.rfind("/v1/", 0) != 0)
                uri = "/v1" + uri;
            headers.clear();
            const auto linkHeaders = next->getArray("headers");
            for (std::size_t i = 0; i < linkHeaders->size(); ++i) {
                const auto header = linkHeaders->getObject(unsigned(i));
                headers[header->getValue<std::string>("key")] =
                    header->getValue<std::string>("value");
            }
            CPPUNIT_ASSERT_EQUAL(body->getValue<std::string>("continuationToken"),
                                 headers["MS-ContinuationToken"]);
        }
        CPPUNIT_FAIL("paging did not end");
        return ids;
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CustomersPagingTest);
