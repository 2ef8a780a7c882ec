// Refresh tokens under concurrency and lost answers, end to end: the real tool on the mock host's
// services (ICT_TEST_DB database), and real mock-host processes on one database, against an
// emulated Entra ID that retires a refresh token at its first use (strict rotation) and revokes
// the whole chain when a retired one is presented again (family revocation).
//  - the root's and its country tenant's Get Hierarchy of the root's instance at once: one token
//    manager, one redemption, no reuse;
//  - two mock-host processes redeeming the same credential row at once: one after the other,
//    each with the token the other stored;
//  - a token answer lost after Entra rotated: one token request, a clear error, no secret;
//  - the host database locked while the rotated token is stored: stored after retries;
//  - a malformed expires_in next to a valid new refresh token: the token is stored, the run
//    fails, the next run succeeds.
#include "services/InstanceStore.h"
#include "support/CommandRunner.h"
#include "support/DatabaseLock.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include "orgs/ToolEnablement.h"

#include <Poco/JSON/Parser.h>

#include <thread>

using ict::application::test::JsonObject;
using ict::application::test::ToolHarness;
using mockhost::emulator::PartnerCenterEmulator;
using mockhost::emulator::RefreshTokenState;
using mockhost::emulator::SalesModel;
using namespace Poco::Data::Keywords;

namespace {

const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";

std::string str(const JsonObject& object, const std::string& field) {
    return object->isNull(field) ? std::string() : object->getValue<std::string>(field);
}

std::string hierarchyBody(std::int64_t instanceId) {
    return "{\"instanceId\":" + std::to_string(instanceId) + ",\"mode\":\"mass\"}";
}

/// Entra retires each redeemed token, and a reuse revokes every token since the consent.
void retireAtFirstUse(PartnerCenterEmulator& emulator) {
    auto compatibility = emulator.state().compatibility();
    compatibility.strictRefreshRotation = true;
    compatibility.revokeFamilyOnReuse = true;
    emulator.state().setCompatibility(compatibility);
}

void setTokenFaults(PartnerCenterEmulator& emulator,
                    const std::function<void(mockhost::emulator::FaultSettings&)>& change) {
    auto faults = emulator.state().faults();
    change(faults);
    emulator.state().setFaults(faults);
}

std::string refreshTokenOf(mockhost::HostDatabase& database, std::int64_t instanceId) {
    Poco::Data::Session session = database.session();
    Poco::Int64 id = instanceId;
    std::string token;
    session << mockhost::sqlFor(database.dialect(),
                                "SELECT refresh_token FROM microsoft_instances WHERE id = ?"),
        use(id), into(token), now;
    // Stored sealed, never as the token itself.
    CPPUNIT_ASSERT(token.empty() || mockhost::SecretBox::isSealed(token));
    return database.secrets().open(token, mockhost::InstanceStore::kRefreshTokenColumn);
}

} // namespace

class TokenRedemptionTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenRedemptionTest);
    CPPUNIT_TEST(rootAndCountryTenantRunsShareOneRedemption);
    CPPUNIT_TEST(twoHostProcessesRedeemOneRowOneAfterTheOther);
    CPPUNIT_TEST(lostTokenAnswerFailsTheRunClearlyWithOneRequest);
    CPPUNIT_TEST(rotatedTokenIsStoredAfterTheDatabaseWasLocked);
    CPPUNIT_TEST(malformedExpiresInStoresTheNewTokenAndTheNextRunSucceeds);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _h = std::make_unique<ToolHarness>(); }
    void tearDown() override { _h.reset(); }

    void rootAndCountryTenantRunsShareOneRedemption() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 8, 31);
        const std::int64_t id = _h->addInstance("Shared PC", "direct", pc);
        retireAtFirstUse(pc);
        // The token request takes a while, so both runs want a token while it is on its way.
        setTokenFaults(pc, [](auto& f) { f.tokenLatencyMs = 300; });
        const std::string rootJob = _h->startHierarchy(_h->root(), hierarchyBody(id));
        const std::string countryJob = _h->startHierarchy(_h->country(), hierarchyBody(id));
        const JsonObject root = _h->waitJob(_h->root(), rootJob);
        const JsonObject country = _h->waitJob(_h->country(), countryJob);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(root, "error"), std::string("succeeded"),
                                     str(root, "state"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(country, "error"), std::string("succeeded"),
                                     str(country, "state"));
        // One token manager for the instance: one redemption served both organizations' runs.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), pc.state().counters().count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), pc.state().counters().count("token.reused"));
        const std::string stored = refreshTokenOf(_h->database(), id);
        CPPUNIT_ASSERT(pc.state().refreshTokenState(stored) == RefreshTokenState::Valid);
        CPPUNIT_ASSERT(pc.state().refreshTokenState(pc.initialRefreshToken()) ==
                       RefreshTokenState::Retired);
    }

    void twoHostProcessesRedeemOneRowOneAfterTheOther() {
        // Two `mock-host action` processes on one database, e.g. the CLI next to `serve`, or two
        // hosts. Their tools share nothing but the host's credential row.
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 6, 37);
        const std::int64_t id = _h->addInstance("Shared PC", "direct", pc);
        seedForTheBinary();
        // A saved hierarchy first, for the pre-flights (each redeems the token once).
        const JsonObject saved = _h->runHierarchy(hierarchyBody(id));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(saved, "error"), std::string("succeeded"),
                                     str(saved, "state"));
        retireAtFirstUse(pc);
        // Each token request takes 600 ms: two processes started together both want the token
        // while the other's request is on its way.
        setTokenFaults(pc, [](auto& f) { f.tokenLatencyMs = 600; });
        pc.state().counters().reset();
        const std::string body = "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}";
        ict::test::CommandResult first, second;
        std::thread a([&] { first = action("import-preflight", body); });
        std::thread b([&] { second = action("import-preflight", body); });
        a.join();
        b.join();
        for (const auto* result : {&first, &second}) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(result->err, 0, result->exitCode);
            const JsonObject report = Poco::JSON::Parser().parse(result->out).extract<JsonObject>();
            CPPUNIT_ASSERT_MESSAGE(result->out, report->getValue<bool>("tokenValid"));
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), pc.state().counters().count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), pc.state().counters().count("token.reused"));
        // The row holds the last token issued: the only one Entra still accepts.
        const std::string stored = refreshTokenOf(_h->database(), id);
        CPPUNIT_ASSERT(pc.state().refreshTokenState(stored) == RefreshTokenState::Valid);
    }

    void lostTokenAnswerFailsTheRunClearlyWithOneRequest() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 5, 41);
        const std::int64_t id = _h->addInstance("Lost Answer PC", "direct", pc);
        retireAtFirstUse(pc);
        setTokenFaults(pc, [](auto& f) { f.dropTokenAnswers = 1; });
        const JsonObject job = _h->runHierarchy(hierarchyBody(id));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(job, "state"));
        const std::string error = str(job, "error");
        CPPUNIT_ASSERT_MESSAGE(error, error.rfind("The token request of the Microsoft Cloud "
                                                  "Services instance 'Lost Answer PC'",
                                                  0) == 0);
        CPPUNIT_ASSERT_MESSAGE(error, error.find("answer was lost") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(error, error.find("Run Get Hierarchy again") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(error, error.find("renew its token") != std::string::npos);
        // Exactly one token request reached Entra; none was sent again, and no data was read.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), pc.state().counters().count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), pc.state().counters().count("token.reused"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), pc.state().counters().count("customers.list"));
        CPPUNIT_ASSERT(error.find(ToolHarness::kAppSecret) == std::string::npos);
        for (const std::string& token : pc.state().issuedTokens())
            CPPUNIT_ASSERT_MESSAGE(error, error.find(token) == std::string::npos);
    }

    void rotatedTokenIsStoredAfterTheDatabaseWasLocked() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 5, 43);
        const std::int64_t id = _h->addInstance("Locked PC", "direct", pc);
        retireAtFirstUse(pc);
        setTokenFaults(pc, [](auto& f) { f.tokenLatencyMs = 300; });
        const std::string jobId = _h->startHierarchy(_h->root(), hierarchyBody(id));
        // Once the token request is on its way (the host holds the row's lease), someone else
        // locks the database for longer than one store attempt waits (500 ms).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (pc.state().counters().count("token") < 1) {
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ict::test::DatabaseLock lock(_h->database(), std::chrono::milliseconds(1500));
        lock.start();
        const JsonObject job = _h->waitJob(_h->root(), jobId);
        lock.join();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(job, "error"), std::string("succeeded"),
                                     str(job, "state"));
        // The store was retried until the lock was gone: the row holds the rotated token.
        const std::string stored = refreshTokenOf(_h->database(), id);
        CPPUNIT_ASSERT(stored != pc.initialRefreshToken());
        CPPUNIT_ASSERT(pc.state().refreshTokenState(stored) == RefreshTokenState::Valid);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), pc.state().counters().count("token"));
    }

    void malformedExpiresInStoresTheNewTokenAndTheNextRunSucceeds() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 5, 47);
        const std::int64_t id = _h->addInstance("Malformed PC", "direct", pc);
        retireAtFirstUse(pc);
        setTokenFaults(pc, [](auto& f) { f.malformedExpiresIn = 1; });
        const JsonObject failed = _h->runHierarchy(hierarchyBody(id));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(failed, "state"));
        const std::string error = str(failed, "error");
        CPPUNIT_ASSERT_MESSAGE(error, error.find("malformed response") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(error, error.find("'expires_in'") != std::string::npos);
        // The answer's new refresh token reached the row although the answer was refused.
        const std::string stored = refreshTokenOf(_h->database(), id);
        CPPUNIT_ASSERT(stored != pc.initialRefreshToken());
        CPPUNIT_ASSERT(pc.state().refreshTokenState(stored) == RefreshTokenState::Valid);
        for (const std::string& token : pc.state().issuedTokens())
            CPPUNIT_ASSERT_MESSAGE(error, error.find(token) == std::string::npos);
        // The next run redeems the stored token and succeeds.
        const JsonObject next = _h->runHierarchy(hierarchyBody(id));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(next, "error"), std::string("succeeded"),
                                     str(next, "state"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), pc.state().counters().count("token"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), pc.state().counters().count("token.reused"));
    }

private:
    /// What `mock-host action` needs besides the instance: the role that grants the tool's
    /// permission to admin@root, and the tool enabled for the root.
    void seedForTheBinary() {
        mockhost::UserDirectory users(_h->database());
        users.ensureRole("System Admin", {bss::sdk::kPermissionSystemAdmin});
        users.grantRole(_h->root().user.id, "System Admin");
        mockhost::ToolEnablement(_h->database())
            .set(_h->root().organization.id, "import-customers", true, _h->nowIso());
    }

    ict::test::CommandResult action(const std::string& name, const std::string& body) {
        return ict::test::runCommand(kHost,
                                     {"action", "--db", _h->databaseOption(), "--quiet", "--login",
                                      "admin@root", "import-customers", name, body});
    }

    std::unique_ptr<ToolHarness> _h;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TokenRedemptionTest);
