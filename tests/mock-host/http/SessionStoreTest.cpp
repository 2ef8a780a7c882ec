#include "http/SessionStore.h"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using mockhost::SessionStore;
using std::chrono::hours;
using std::chrono::minutes;

class SessionStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SessionStoreTest);
    CPPUNIT_TEST(everyLogInGetsAFreshRandomId);
    CPPUNIT_TEST(anIdleSessionEnds);
    CPPUNIT_TEST(aSessionInUseEndsAtItsLifetime);
    CPPUNIT_TEST(endedSessionsAreSweptAtTheNextLogIn);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _now = SessionStore::TimePoint{}; }

    void everyLogInGetsAFreshRandomId() {
        SessionStore store = make();
        std::set<std::string> ids;
        for (int i = 0; i < 100; ++i)
            ids.insert(store.create(7));
        CPPUNIT_ASSERT_EQUAL(std::size_t(100), ids.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(64), ids.begin()->size());
    }

    void anIdleSessionEnds() {
        SessionStore store = make();
        const std::string id = store.create(7);
        _now += minutes(29);
        CPPUNIT_ASSERT(store.find(id) == std::optional<std::int64_t>(7)); // a use
        _now += minutes(29);
        CPPUNIT_ASSERT(store.find(id).has_value());
        _now += minutes(30);
        CPPUNIT_ASSERT(!store.find(id).has_value());
        CPPUNIT_ASSERT(!store.find(id).has_value());
    }

    void aSessionInUseEndsAtItsLifetime() {
        SessionStore store = make();
        const std::string id = store.create(7);
        for (int i = 0; i < 7 * 4 + 3; ++i) {
            _now += minutes(15);
            CPPUNIT_ASSERT(store.find(id).has_value());
        }
        _now += minutes(15); // 8 h after the log-in
        CPPUNIT_ASSERT(!store.find(id).has_value());
    }

    void endedSessionsAreSweptAtTheNextLogIn() {
        SessionStore store = make();
        for (int i = 0; i < 50; ++i)
            store.create(i);
        _now += minutes(31);
        const std::string live = store.create(99);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), store.size());
        CPPUNIT_ASSERT(store.find(live) == std::optional<std::int64_t>(99));
    }

private:
    SessionStore make() {
        return SessionStore(hours(8), minutes(30), [this] { return _now; });
    }
    SessionStore::TimePoint _now;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SessionStoreTest);
