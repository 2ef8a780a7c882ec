#include "mock-host/emulator/EmulatorTestSupport.h"

#include "faults/FaultInjector.h"

#include <Poco/Exception.h>
#include <Poco/JSON/JSONException.h>

#include <cppunit/extensions/HelperMacros.h>

using namespace emulatortest;
using namespace mockhost::emulator;

class FaultInjectionTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FaultInjectionTest);
    CPPUNIT_TEST(serverErrorsCarryPartnerErrorBody);
    CPPUNIT_TEST(malformedAndTruncatedBodiesAreNotJson);
    CPPUNIT_TEST(cutConnectionFailsTheRead);
    CPPUNIT_TEST(timeoutHangsLongerThanTheClientWaits);
    CPPUNIT_TEST(sameSeedSameFaultSequence);
    CPPUNIT_TEST(latencyDelaysAnswers);
    CPPUNIT_TEST(slowBodyArrivesWholeInSmallPieces);
    CPPUNIT_TEST_SUITE_END();

public:
    void serverErrorsCarryPartnerErrorBody() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        FaultSettings faults = running.emulator->state().faults();
        faults.serverErrorRate = 1.0;
        running.emulator->state().setFaults(faults);
        const HttpResult result = client.get("/v1/customers?size=3", access);
        CPPUNIT_ASSERT(result.status == 500 || result.status == 502 || result.status == 503);
        CPPUNIT_ASSERT_EQUAL(std::string("PartnerFD"),
                             result.json()->getValue<std::string>("source"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), running.emulator->state().counters().count("faults"));
    }

    void malformedAndTruncatedBodiesAreNotJson() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const HttpResult normal = client.get("/v1/customers?size=3", access);
        CPPUNIT_ASSERT_NO_THROW(normal.json());

        const HttpResult malformed = viaControl(client, R"({"malformedRate":1.0})", access);
        CPPUNIT_ASSERT_EQUAL(200, malformed.status);
        CPPUNIT_ASSERT_THROW(malformed.json(), Poco::Exception);

        const HttpResult truncated =
            viaControl(client, R"({"malformedRate":0.0,"truncatedRate":1.0})", access);
        CPPUNIT_ASSERT_EQUAL(200, truncated.status);
        CPPUNIT_ASSERT_EQUAL(normal.body.size() / 2, truncated.body.size());
        CPPUNIT_ASSERT(normal.body.compare(0, truncated.body.size(), truncated.body) == 0);
        CPPUNIT_ASSERT_THROW(truncated.json(), Poco::Exception);
    }

    void cutConnectionFailsTheRead() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        FaultSettings faults = running.emulator->state().faults();
        faults.cutConnectionRate = 1.0;
        running.emulator->state().setFaults(faults);
        bool failed = false;
        try {
            const HttpResult result = client.get("/v1/customers?size=20", access);
            // A reset after the headers surfaces either as an exception or a short body.
            failed = result.body.empty() || result.json().isNull();
        } catch (const Poco::Exception&) {
            failed = true;
        }
        CPPUNIT_ASSERT(failed);
        // The server keeps serving new connections.
        faults.cutConnectionRate = 0.0;
        running.emulator->state().setFaults(faults);
        TestClient fresh = running.client();
        CPPUNIT_ASSERT_EQUAL(200, fresh.get("/v1/customers?size=2", access).status);
    }

    void timeoutHangsLongerThanTheClientWaits() {
        RunningEmulator running;
        const std::string access = running.accessToken();
        FaultSettings faults = running.emulator->state().faults();
        faults.timeoutRate = 1.0;
        faults.timeoutHangMs = 1500;
        running.emulator->state().setFaults(faults);
        TestClient client = running.client(300);
        const Poco::Timestamp started;
        CPPUNIT_ASSERT_THROW(client.get("/v1/customers?size=2", access), Poco::Exception);
        CPPUNIT_ASSERT(started.elapsed() < 1400 * 1000);
    }

    void sameSeedSameFaultSequence() {
        FaultSettings settings;
        settings.serverErrorRate = 0.2;
        settings.malformedRate = 0.1;
        settings.timeoutRate = 0.05;
        settings.seed = 99;
        auto sequence = [&](const FaultSettings& s) {
            FaultInjector injector(s);
            std::string text;
            int status = 0;
            for (int i = 0; i < 200; ++i)
                text += char('0' + int(injector.next(status)));
            return text;
        };
        const std::string first = sequence(settings);
        CPPUNIT_ASSERT(first == sequence(settings));
        CPPUNIT_ASSERT(first.find('1') != std::string::npos);
        CPPUNIT_ASSERT(first.find('0') != std::string::npos);
        settings.seed = 100;
        CPPUNIT_ASSERT(first != sequence(settings));
    }

    void latencyDelaysAnswers() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        viaControl(client, R"({"latencyMs":250})", access);
        const Poco::Timestamp started;
        CPPUNIT_ASSERT_EQUAL(200, client.get("/v1/customers?size=1", access).status);
        CPPUNIT_ASSERT(started.elapsed() >= 250 * 1000);
    }

    void slowBodyArrivesWholeInSmallPieces() {
        RunningEmulator running;
        TestClient client = running.client();
        const std::string access = running.accessToken();
        const HttpResult normal = client.get("/v1/customers?size=3", access);
        const Poco::Timestamp started;
        const HttpResult slow =
            viaControl(client, R"({"slowBodyRate":1.0,"slowBodyChunkDelayMs":20})", access);
        // Whole and the same, but no sooner than one pause between each 64 bytes.
        CPPUNIT_ASSERT_EQUAL(normal.body, slow.body);
        const auto pauses = static_cast<Poco::Timestamp::TimeDiff>((normal.body.size() - 1) / 64);
        CPPUNIT_ASSERT(started.elapsed() >= pauses * 20 * 1000);
        CPPUNIT_ASSERT_EQUAL(400, client.control("POST", "faults", R"({"slowBodyRate":2})").status);
    }

private:
    static HttpResult viaControl(TestClient& client, const std::string& faults,
                                 const std::string& access) {
        const HttpResult set = client.control("POST", "faults", faults);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(set.body, 200, set.status);
        return client.get("/v1/customers?size=3", access);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(FaultInjectionTest);
