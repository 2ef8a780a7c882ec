#include "mock-host/emulator/EmulatorTestSupport.h"

#include "common/IsoTime.h"
#include "data/DataGenerator.h"
#include "data/DataSetFile.h"

#include <Poco/JSON/Array.h>
#include <Poco/Timespan.h>

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace emulatortest;
using namespace mockhost::emulator;

class ChangesAndAuditTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ChangesAndAuditTest);
    CPPUNIT_TEST(changesThroughCppProduceAuditRecords);
    CPPUNIT_TEST(changesThroughControlApiAreVisible);
    CPPUNIT_TEST(auditRecordsPageAndRespectDates);
    CPPUNIT_TEST(resetRestoresTheStartState);
    CPPUNIT_TEST(dataFileIsServed);
    CPPUNIT_TEST(simulatedChangesAreDeterministicAndAudited);
    CPPUNIT_TEST_SUITE_END();

public:
    void changesThroughCppProduceAuditRecords() {
        RunningEmulator running;
        auto& state = running.emulator->state();
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const std::string since = IsoTime::seconds(Poco::Timestamp() - Poco::Timespan(60, 0));

        CPPUNIT_ASSERT_EQUAL(std::size_t(0), records(client, access, since)->size());
        const Customer added = state.addCustomer({"Nordwind Neu GmbH", "", "", ""});
        const Subscription bought = state.addSubscription(added.id, NewSubscription{});
        SubscriptionChange change;
        change.quantity = 12;
        state.changeSubscription(added.id, bought.id, change);

        const auto items = records(client, access, since);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), items->size());
        const char* expected[] = {"add_customer", "create_order", "update_subscription"};
        for (unsigned i = 0; i < 3; ++i) {
            const auto record = items->getObject(i);
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]),
                                 record->getValue<std::string>("operationType"));
            CPPUNIT_ASSERT_EQUAL(added.id, record->getValue<std::string>("customerId"));
            CPPUNIT_ASSERT(!(IsoTime::parse(record->getValue<std::string>("operationDate")) <
                             IsoTime::parse(since)));
        }
        const auto customized = items->getObject(2)->getArray("customizedData");
        CPPUNIT_ASSERT_EQUAL(std::string("SubscriptionId"),
                             customized->getObject(0)->getValue<std::string>("key"));
        CPPUNIT_ASSERT_EQUAL(bought.id, customized->getObject(0)->getValue<std::string>("value"));
        CPPUNIT_ASSERT(items->getObject(2)
                           ->getValue<std::string>("resourceNewValue")
                           .find("\"quantity\":12") != std::string::npos);

        // The new tenant and its subscription are served.
        const auto subs = client.get("/v1/customers/" + added.id + "/subscriptions", access).json();
        CPPUNIT_ASSERT_EQUAL(1, subs->getValue<int>("totalCount"));
        CPPUNIT_ASSERT_EQUAL(12, subs->getArray("items")->getObject(0)->getValue<int>("quantity"));
    }

    void changesThroughControlApiAreVisible() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto data = running.emulator->state().snapshot();
        const auto& customer = data.customers[0];
        const HttpResult created = client.control(
            "POST", "customers/" + customer.id + "/subscriptions",
            R"({"offerId":"CFQ7TTC0LDPB:0001:CFQ7TTC0K5DM","quantity":7,"termDuration":"P1Y","billingCycle":"annual"})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
        const std::string id = created.json()->getValue<std::string>("id");
        const HttpResult patched =
            client.control("PATCH", "customers/" + customer.id + "/subscriptions/" + id,
                           R"({"status":"suspended"})");
        CPPUNIT_ASSERT_EQUAL(200, patched.status);
        const auto got =
            client.get("/v1/customers/" + customer.id + "/subscriptions/" + id, access).json();
        CPPUNIT_ASSERT_EQUAL(std::string("suspended"), got->getValue<std::string>("status"));
        CPPUNIT_ASSERT_EQUAL(std::string("Microsoft 365 Business Standard"),
                             got->getValue<std::string>("offerName"));
        CPPUNIT_ASSERT_EQUAL(std::string("P1Y"), got->getValue<std::string>("termDuration"));

        const HttpResult bad = client.control(
            "PATCH", "customers/" + customer.id + "/subscriptions/not-there", R"({"quantity":1})");
        CPPUNIT_ASSERT_EQUAL(404, bad.status);
        CPPUNIT_ASSERT(bad.json()->getValue<std::string>("error").find("not-there") !=
                       std::string::npos);
    }

    void auditRecordsPageAndRespectDates() {
        RunningEmulator running;
        auto& state = running.emulator->state();
        TestClient client = running.client();
        const std::string access = running.accessToken();
        for (int i = 0; i < 5; ++i)
            state.addCustomer({"Tenant " + std::to_string(i), "", "", ""});
        const std::string since = IsoTime::seconds(Poco::Timestamp() - Poco::Timespan(60, 0));
        std::string uri = "/v1/auditrecords?size=2&startDate=" + since;
        std::map<std::string, std::string> headers;
        int seen = 0;
        for (int page = 0; page < 10; ++page) {
            const auto body = client.get(uri, access, headers).json();
            seen += body->getValue<int>("totalCount");
            if (!body->getObject("links")->has("next"))
                break;
            uri = "/v1" + body->getObject("links")->getObject("next")->getValue<std::string>("uri");
            headers = {{"MS-ContinuationToken", body->getValue<std::string>("continuationToken")}};
        }
        CPPUNIT_ASSERT_EQUAL(5, seen);
        const std::string future = IsoTime::seconds(Poco::Timestamp() + Poco::Timespan(3600, 0));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), records(client, access, future)->size());
        CPPUNIT_ASSERT_EQUAL(400,
                             client.get("/v1/auditrecords?startDate=yesterday", access).status);
    }

    void resetRestoresTheStartState() {
        RunningEmulator running;
        auto& state = running.emulator->state();
        const std::string before = DataSetFile::toJson(state.snapshot());
        const std::string customerId = state.snapshot().customers[0].id;
        state.markCustomerLeft(customerId);
        state.addCustomer({"Added Later Ltd", "", "", ""});
        state.expireRefreshTokens();
        TestClient client = running.client();
        CPPUNIT_ASSERT_EQUAL(200, client.control("POST", "reset").status);
        CPPUNIT_ASSERT(before == DataSetFile::toJson(state.snapshot()));
        CPPUNIT_ASSERT(state.snapshot().auditRecords.empty());
        CPPUNIT_ASSERT_NO_THROW(running.accessToken());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), state.counters().count("token"));
    }

    void dataFileIsServed() {
        GeneratorOptions generator;
        generator.seed = 5;
        generator.tenantCount = 9;
        DataSet data = DataGenerator::generate(generator);
        data.customers[0].companyName = "Loaded From File AG";
        const std::string path = Poco::TemporaryFile::tempName() + ".json";
        DataSetFile::save(data, path);
        auto options = RunningEmulator::defaults();
        options.dataFile = path;
        RunningEmulator running(options);
        Poco::File(path).remove();
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const auto page = client.get("/v1/customers?size=50", access).json();
        CPPUNIT_ASSERT_EQUAL(9, page->getValue<int>("totalCount"));
        CPPUNIT_ASSERT_EQUAL(std::string("Loaded From File AG"),
                             page->getArray("items")
                                 ->getObject(0)
                                 ->getObject("companyProfile")
                                 ->getValue<std::string>("companyName"));
        CPPUNIT_ASSERT_EQUAL(data.partner.tenantId, running.emulator->partnerTenantId());
    }

    void simulatedChangesAreDeterministicAndAudited() {
        RunningEmulator first;
        RunningEmulator second;
        const auto a = first.emulator->state().simulateChanges(25);
        const auto b = second.emulator->state().simulateChanges(25);
        CPPUNIT_ASSERT_EQUAL(std::size_t(25), a.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(25), b.size());
        // Same seed, same kinds of change on the same tenants (dates and new ids aside).
        std::string kindsA, kindsB;
        for (std::size_t i = 0; i < a.size(); ++i) {
            kindsA += a[i].operationType + ":" + a[i].resourceName + "\n";
            kindsB += b[i].operationType + ":" + b[i].resourceName + "\n";
        }
        CPPUNIT_ASSERT_EQUAL(kindsA, kindsB);
        std::set<std::string> kinds;
        for (const auto& r : a)
            kinds.insert(r.operationType);
        CPPUNIT_ASSERT(kinds.size() >= 2);

        TestClient client = first.client();
        const std::string access = first.accessToken();
        const std::string since = IsoTime::seconds(Poco::Timestamp() - Poco::Timespan(60, 0));
        CPPUNIT_ASSERT_EQUAL(std::size_t(25), records(client, access, since)->size());
        const HttpResult more = client.control("POST", "changes", R"({"count":3})");
        CPPUNIT_ASSERT_EQUAL(3, more.json()->getValue<int>("auditRecords"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(28), records(client, access, since)->size());
    }

private:
    static Poco::JSON::Array::Ptr records(TestClient& client, const std::string& access,
                                          const std::string& since) {
        const HttpResult result =
            client.get("/v1/auditrecords?size=100&startDate=" + since, access);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
        return result.json()->getArray("items");
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ChangesAndAuditTest);
