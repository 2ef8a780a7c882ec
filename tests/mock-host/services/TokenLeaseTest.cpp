// InstanceDirectory::redeemRefreshToken (since ABI 1.1) through the real HostInstanceDirectory
// and its TokenLease, on a fresh host database (ICT_TEST_DB). Two directories on two connection
// pools stand for two processes: they share nothing but the database.
#include "mock-host/services/support/DirectoryDatabase.h"
#include "services/HostInstanceDirectory.h"
#include "support/DatabaseLock.h"
#include "support/Sql.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/Session.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace Poco::Data::Keywords;
using bss::sdk::InstanceCredentials;
using bss::sdk::Organization;
using bss::sdk::RotatedRefreshToken;

namespace {

/// The host's log as a tool-independent sink: warnings are what the tests look at.
class RecordingLogger : public bss::sdk::Logger {
public:
    void log(bss::sdk::LogLevel level, const std::string& message) override {
        std::lock_guard<std::mutex> lock(_mutex);
        if (level >= bss::sdk::LogLevel::Warning)
            _lines.push_back(message);
    }
    std::vector<std::string> lines() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _lines;
    }

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _lines;
};

} // namespace

class TokenLeaseTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenLeaseTest);
    CPPUNIT_TEST(redeemSeesTheRowAndStoresTheRotationBeforeReturning);
    CPPUNIT_TEST(callerMustBeAllowedBeforeAnythingIsSent);
    CPPUNIT_TEST(concurrentRedemptionsInTwoProcessesNeverPresentOneToken);
    CPPUNIT_TEST(noRotationOrAThrowLeavesTheTokenAndFreesTheRow);
    CPPUNIT_TEST(liveHolderKeepsTheRowPastTheLeaseTime);
    CPPUNIT_TEST(leaseOfADeadHolderEndsAtItsTime);
    CPPUNIT_TEST(waiterGivesUpAfterItsBound);
    CPPUNIT_TEST(storeIsRetriedWhileTheDatabaseIsLocked);
    CPPUNIT_TEST(storeGivesUpAfterItsBoundWithoutTheToken);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _data = std::make_unique<mockhost::test::DirectoryDatabase>();
        _db = _data->db.get();
        _root = _data->root;
        _country = _data->country;
        _simple = _data->simple;
        _instance = _data->addInstance(_root.id, "Root PC", "token-0");
    }
    void tearDown() override { _data.reset(); }

    void redeemSeesTheRowAndStoresTheRotationBeforeReturning() {
        mockhost::HostInstanceDirectory directory(*_db, _data->clock);
        const auto expires = mockhost::parseIso("2026-05-01T10:00:00Z", "expires");
        std::string presented;
        std::string leaseDuringRedeem;
        directory.redeemRefreshToken(_instance, _country, [&](const InstanceCredentials& c) {
            presented = c.refreshToken;
            CPPUNIT_ASSERT_EQUAL(std::string("secret"), c.appSecret);
            leaseDuringRedeem = leaseHolder();
            return RotatedRefreshToken{"token-1", expires};
        });
        CPPUNIT_ASSERT_EQUAL(std::string("token-0"), presented);
        // The row was taken while the token request ran, and is free again.
        CPPUNIT_ASSERT_MESSAGE(leaseDuringRedeem, !leaseDuringRedeem.empty());
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
        const InstanceCredentials after = directory.credentials(_instance, _root);
        CPPUNIT_ASSERT_EQUAL(std::string("token-1"), after.refreshToken);
        CPPUNIT_ASSERT(after.refreshTokenExpiresAt && *after.refreshTokenExpiresAt == expires);
    }

    void callerMustBeAllowedBeforeAnythingIsSent() {
        mockhost::HostInstanceDirectory directory(*_db, _data->clock);
        bool called = false;
        try {
            directory.redeemRefreshToken(_instance, _simple, [&](const InstanceCredentials&) {
                called = true;
                return RotatedRefreshToken{};
            });
            CPPUNIT_FAIL("a simple tenant redeemed its parent's token");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::NotFound);
        }
        CPPUNIT_ASSERT(!called);
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
    }

    void concurrentRedemptionsInTwoProcessesNeverPresentOneToken() {
        // Two "processes" (own pools, own directories), three threads each, four redemptions per
        // thread; every redemption presents the row's token and rotates it.
        auto otherPool = openPool();
        mockhost::TokenLeaseOptions lease;
        lease.renewEvery = std::chrono::milliseconds(50);
        mockhost::HostInstanceDirectory first(*_db, _data->clock, nullptr, lease);
        mockhost::HostInstanceDirectory second(*otherPool, _data->clock, nullptr, lease);
        std::mutex mutex;
        std::set<std::string> presented;
        std::vector<std::string> duplicates;
        std::atomic<int> inside{0};
        std::atomic<int> mostInside{0};
        std::atomic<int> issued{0};
        auto redeem = [&](const InstanceCredentials& c) {
            const int now = ++inside;
            mostInside = std::max(mostInside.load(), now);
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (!presented.insert(c.refreshToken).second)
                    duplicates.push_back(c.refreshToken);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(15));
            --inside;
            return RotatedRefreshToken{"token-" + std::to_string(++issued), _data->clock.now()};
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t)
            threads.emplace_back([&, t] {
                mockhost::HostInstanceDirectory& directory = t % 2 ? second : first;
                const Organization& caller = t % 3 ? _root : _country;
                for (int i = 0; i < 4; ++i)
                    directory.redeemRefreshToken(_instance, caller, redeem);
            });
        for (auto& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(1, mostInside.load());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(duplicates.empty() ? "" : duplicates.front(), std::size_t(0),
                                     duplicates.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(24), presented.size());
        CPPUNIT_ASSERT_EQUAL(24, issued.load());
        // Each redemption presented what the previous one stored: the row holds the last.
        CPPUNIT_ASSERT_EQUAL(std::string("token-24"),
                             first.credentials(_instance, _root).refreshToken);
        CPPUNIT_ASSERT(presented.count("token-0") == 1 && presented.count("token-23") == 1);
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
    }

    void noRotationOrAThrowLeavesTheTokenAndFreesTheRow() {
        mockhost::HostInstanceDirectory directory(*_db, _data->clock);
        directory.redeemRefreshToken(
            _instance, _root, [](const InstanceCredentials&) { return RotatedRefreshToken{}; });
        CPPUNIT_ASSERT_EQUAL(std::string("token-0"),
                             directory.credentials(_instance, _root).refreshToken);
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
        CPPUNIT_ASSERT_THROW_MESSAGE(
            "the callback's own exception comes back unchanged",
            directory.redeemRefreshToken(_instance, _root,
                                         [](const InstanceCredentials&) -> RotatedRefreshToken {
                                             throw std::logic_error("the tool's own error");
                                         }),
            std::logic_error);
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
        CPPUNIT_ASSERT_EQUAL(std::string("token-0"),
                             directory.credentials(_instance, _root).refreshToken);
    }

    void liveHolderKeepsTheRowPastTheLeaseTime() {
        // The first redemption outlasts three lease times; its renewals keep the second waiting.
        mockhost::TokenLeaseOptions lease;
        lease.ttl = std::chrono::milliseconds(150);
        lease.renewEvery = std::chrono::milliseconds(30);
        auto otherPool = openPool();
        mockhost::HostInstanceDirectory first(*_db, _data->clock, nullptr, lease);
        mockhost::HostInstanceDirectory second(*otherPool, _data->clock, nullptr, lease);
        std::atomic<bool> firstInside{false};
        std::string secondPresented;
        std::thread slow([&] {
            first.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials&) {
                firstInside = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
                return RotatedRefreshToken{"token-slow", _data->clock.now()};
            });
        });
        while (!firstInside)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        second.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials& c) {
            secondPresented = c.refreshToken;
            return RotatedRefreshToken{"token-after", _data->clock.now()};
        });
        slow.join();
        CPPUNIT_ASSERT_EQUAL(std::string("token-slow"), secondPresented);
        CPPUNIT_ASSERT_EQUAL(std::string("token-after"),
                             first.credentials(_instance, _root).refreshToken);
    }

    void leaseOfADeadHolderEndsAtItsTime() {
        // A process died holding the row: nobody renews its lease, which ends 300 ms from now.
        writeLease("gone-host:4242:0000", nowMs() + 300);
        mockhost::HostInstanceDirectory directory(*_db, _data->clock);
        const auto started = std::chrono::steady_clock::now();
        std::string presented;
        directory.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials& c) {
            presented = c.refreshToken;
            return RotatedRefreshToken{"token-1", _data->clock.now()};
        });
        const auto waited = std::chrono::steady_clock::now() - started;
        CPPUNIT_ASSERT_EQUAL(std::string("token-0"), presented);
        CPPUNIT_ASSERT(waited >= std::chrono::milliseconds(250));
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
    }

    void waiterGivesUpAfterItsBound() {
        writeLease("busy-host:4242:0000", nowMs() + 60000);
        mockhost::TokenLeaseOptions lease;
        lease.maxWait = std::chrono::milliseconds(200);
        mockhost::HostInstanceDirectory directory(*_db, _data->clock, nullptr, lease);
        bool called = false;
        try {
            directory.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials&) {
                called = true;
                return RotatedRefreshToken{};
            });
            CPPUNIT_FAIL("redeemed while another process held the row");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Unavailable);
            const std::string text = e.what();
            CPPUNIT_ASSERT_MESSAGE(text, text.find("being renewed by another process") !=
                                             std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("instance " + std::to_string(_instance)) !=
                                             std::string::npos);
        }
        CPPUNIT_ASSERT(!called);
        CPPUNIT_ASSERT_EQUAL(std::string("busy-host:4242:0000"), leaseHolder());
    }

    void storeIsRetriedWhileTheDatabaseIsLocked() {
        // The database is locked by someone else while the token request runs, and for 600 ms:
        // each store attempt waits 100 ms, fails and is retried until the lock is gone.
        mockhost::TokenLeaseOptions lease;
        lease.storeAttemptTimeout = std::chrono::milliseconds(100);
        lease.storeRetryFor = std::chrono::milliseconds(10000);
        RecordingLogger log;
        mockhost::HostInstanceDirectory directory(*_db, _data->clock, &log, lease);
        ict::test::DatabaseLock lock(*_db, std::chrono::milliseconds(600));
        directory.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials&) {
            lock.start();
            return RotatedRefreshToken{"token-locked-out-for-a-while", _data->clock.now()};
        });
        CPPUNIT_ASSERT_EQUAL(std::string("token-locked-out-for-a-while"),
                             directory.credentials(_instance, _root).refreshToken);
        CPPUNIT_ASSERT_EQUAL(std::string(""), leaseHolder());
        const auto lines = log.lines();
        CPPUNIT_ASSERT_MESSAGE("no store attempt failed", !lines.empty());
        for (const std::string& line : lines) {
            CPPUNIT_ASSERT_MESSAGE(line, line.find("retrying") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(line, line.find("token-locked") == std::string::npos);
        }
    }

    void storeGivesUpAfterItsBoundWithoutTheToken() {
        mockhost::TokenLeaseOptions lease;
        lease.storeAttemptTimeout = std::chrono::milliseconds(50);
        lease.storeRetryFor = std::chrono::milliseconds(300);
        mockhost::HostInstanceDirectory directory(*_db, _data->clock, nullptr, lease);
        ict::test::DatabaseLock lock(*_db, std::chrono::milliseconds(1500));
        try {
            directory.redeemRefreshToken(_instance, _root, [&](const InstanceCredentials&) {
                lock.start();
                return RotatedRefreshToken{"token-never-saved", _data->clock.now()};
            });
            CPPUNIT_FAIL("the store reported success while the database was locked");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Unavailable);
            const std::string text = e.what();
            CPPUNIT_ASSERT_MESSAGE(text, text.find("could not be saved") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(text, text.find("token-never-saved") == std::string::npos);
        }
        lock.join();
        CPPUNIT_ASSERT_EQUAL(std::string("token-0"),
                             directory.credentials(_instance, _root).refreshToken);
    }

private:
    std::unique_ptr<mockhost::HostDatabase> openPool() { return _data->openPool(); }

    static Poco::Int64 nowMs() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    std::string leaseHolder() {
        Poco::Data::Session session = _db->session();
        Poco::Int64 id = _instance;
        Poco::Nullable<std::string> holder;
        session << mockhost::sqlFor(_db->dialect(), "SELECT token_lease_holder FROM"
                                                    " microsoft_instances WHERE id = ?"),
            use(id), into(holder), now;
        return holder.isNull() ? "" : holder.value();
    }

    void writeLease(const std::string& holder, Poco::Int64 untilMs) {
        Poco::Data::Session session = _db->session();
        Poco::Int64 id = _instance;
        std::string h = holder;
        session << mockhost::sqlFor(_db->dialect(),
                                    "UPDATE microsoft_instances SET token_lease_holder = ?,"
                                    " token_lease_until_ms = ? WHERE id = ?"),
            use(h), use(untilMs), use(id), now;
    }

    std::unique_ptr<mockhost::test::DirectoryDatabase> _data;
    mockhost::HostDatabase* _db = nullptr;
    Organization _root, _country, _simple;
    std::int64_t _instance = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TokenLeaseTest);
