#include "gateway/ThrottleController.h"
#include "plugin/common/gateway/support/ThrottleSimulation.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace ict::gateway;
using namespace ict::gateway::test;
using std::chrono::milliseconds;
using std::chrono::seconds;

// The throttle controller's rules in virtual time (its clock is the test's), then whole runs
// against simulated servers (support/ThrottleSimulation.h), then the one real-time wait.
class ThrottleControllerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ThrottleControllerTest);
    CPPUNIT_TEST(bucketPacesRequests);
    CPPUNIT_TEST(firstThrottleOfAnEpisodePausesEveryoneOnce);
    CPPUNIT_TEST(laterThrottlesOfTheEpisodeOnlyWaitAlone);
    CPPUNIT_TEST(quietTimeEndsTheEpisode);
    CPPUNIT_TEST(throttlesOfRequestsSentBeforeTheDecreaseDoNotLowerIt);
    CPPUNIT_TEST(furtherDecreaseWaitsForAnswers);
    CPPUNIT_TEST(serverErrorsNeverLowerTheRate);
    CPPUNIT_TEST(recoveryReachesTheConfiguredRateWithinAMinute);
    CPPUNIT_TEST(convergesBelowAServerLimit);
    CPPUNIT_TEST(everyFifthCallThrottledDoesNotCollapseABindingRate);
    CPPUNIT_TEST(everyFifthCallThrottledNearTheBoundWhenTheRateDoesNotBind);
    CPPUNIT_TEST(randomThrottlingDoesNotCollapseTheRate);
    CPPUNIT_TEST(cancelledWhileWaiting);
    CPPUNIT_TEST_SUITE_END();

    SimClock _clock;

    ThrottleController controller(double perMinute) {
        return ThrottleController(perMinute, _clock.clock());
    }
    ThrottleController::Ticket take(ThrottleController& throttle) {
        ThrottleController::Ticket ticket;
        SimTime retryAt;
        CPPUNIT_ASSERT_MESSAGE("a token", throttle.tryAcquire(ticket, retryAt));
        return ticket;
    }
    bool mayGo(ThrottleController& throttle, SimTime* retryAt = nullptr) {
        ThrottleController::Ticket ticket;
        SimTime at;
        const bool granted = throttle.tryAcquire(ticket, at);
        if (retryAt)
            *retryAt = at;
        return granted;
    }
    void advance(SimDuration by) { _clock.now += by; }
    /// Moves the clock on to the next token when there is none now.
    ThrottleController::Ticket takeWhenThere(ThrottleController& throttle) {
        ThrottleController::Ticket ticket;
        SimTime retryAt;
        while (!throttle.tryAcquire(ticket, retryAt))
            _clock.now = retryAt;
        return ticket;
    }

public:
    void bucketPacesRequests() {
        ThrottleController throttle = controller(600); // 10 a second
        take(throttle);                                // the bucket starts with one token
        SimTime retryAt;
        CPPUNIT_ASSERT(!mayGo(throttle, &retryAt));
        CPPUNIT_ASSERT(retryAt - _clock.now <= milliseconds(100));
        CPPUNIT_ASSERT(retryAt - _clock.now > milliseconds(99));
        advance(milliseconds(100));
        take(throttle);
        // Idle for a minute: a second's worth at most, not a minute's.
        advance(seconds(60));
        for (int i = 0; i < 10; ++i)
            take(throttle);
        CPPUNIT_ASSERT(!mayGo(throttle));
    }

    void firstThrottleOfAnEpisodePausesEveryoneOnce() {
        ThrottleController throttle = controller(6000);
        std::vector<ThrottleController::Ticket> inFlight;
        for (int i = 0; i < 4; ++i) {
            inFlight.push_back(take(throttle));
            advance(milliseconds(10));
        }
        // All four answered 429 (Retry-After 2 s), one after the other.
        for (std::size_t i = 0; i < inFlight.size(); ++i) {
            const auto reaction = throttle.throttled(inFlight[i], seconds(2));
            CPPUNIT_ASSERT(reaction.wait == seconds(2));
            CPPUNIT_ASSERT_EQUAL(i == 0, reaction.paused);
            CPPUNIT_ASSERT_EQUAL(i == 0, reaction.decreased);
            advance(milliseconds(5));
        }
        const auto counters = throttle.counters();
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), counters.throttled);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.pauses);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counters.decreases); // one episode, one decrease
        CPPUNIT_ASSERT_DOUBLES_EQUAL(4200.0, counters.ratePerMinute, 5.0); // 0.7 x, climbing
        // Nobody goes until 2 s after the first 429, then one (no burst of the time paused).
        SimTime retryAt;
        CPPUNIT_ASSERT(!mayGo(throttle, &retryAt));
        CPPUNIT_ASSERT(retryAt == _clock.now - milliseconds(20) + seconds(2));
        _clock.now = retryAt - milliseconds(1);
        CPPUNIT_ASSERT(!mayGo(throttle));
        _clock.now = retryAt;
        CPPUNIT_ASSERT(mayGo(throttle));
        CPPUNIT_ASSERT(!mayGo(throttle));
    }

    void laterThrottlesOfTheEpisodeOnlyWaitAlone() {
        ThrottleController throttle = controller(6000);
        throttle.throttled(take(throttle), seconds(1));
        advance(seconds(1));
        const auto sentAfterPause = take(throttle);
        advance(milliseconds(100));
        // A 429 three seconds into the episode: its own call waits 5 s, the others go on.
        advance(seconds(2));
        const auto reaction = throttle.throttled(sentAfterPause, seconds(5));
        CPPUNIT_ASSERT(reaction.wait == seconds(5));
        CPPUNIT_ASSERT(!reaction.paused && !reaction.decreased && !reaction.undone);
        CPPUNIT_ASSERT(mayGo(throttle));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), throttle.counters().pauses);
    }

    void quietTimeEndsTheEpisode() {
        ThrottleController throttle = controller(6000);
        throttle.throttled(take(throttle), seconds(1));
        advance(seconds(1));
        // Ten answers without a 429, but within 10 s: the episode goes on.
        for (int i = 0; i < 10; ++i) {
            throttle.answered(takeWhenThere(throttle));
            advance(milliseconds(100));
        }
        throttle.throttled(takeWhenThere(throttle), seconds(1));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), throttle.counters().pauses);
        SimTime retryAt;
        CPPUNIT_ASSERT(!mayGo(throttle, &retryAt));
        CPPUNIT_ASSERT(retryAt - _clock.now < milliseconds(100)); // the next token, no pause
        // 10 s without a 429, but only nine answers: still the same episode.
        for (int i = 0; i < 9; ++i) {
            throttle.answered(takeWhenThere(throttle));
            advance(seconds(2));
        }
        throttle.throttled(takeWhenThere(throttle), seconds(1));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), throttle.counters().pauses);
        // 10 s and ten answers without a 429: the next one starts another episode.
        for (int i = 0; i < 10; ++i) {
            throttle.answered(takeWhenThere(throttle));
            advance(seconds(1));
        }
        throttle.throttled(takeWhenThere(throttle), seconds(1));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), throttle.counters().pauses);
        CPPUNIT_ASSERT(!mayGo(throttle));
    }

    void throttlesOfRequestsSentBeforeTheDecreaseDoNotLowerIt() {
        ThrottleController throttle = controller(6000);
        std::vector<ThrottleController::Ticket> early;
        for (int i = 0; i < 20; ++i) {
            early.push_back(take(throttle));
            advance(milliseconds(10));
        }
        throttle.throttled(early[0], milliseconds(500));
        const double lowered = throttle.currentRequestsPerMinute();
        CPPUNIT_ASSERT(lowered < 6000);
        // Answers to the requests sent before that decrease, 429s among them, change nothing.
        for (std::size_t i = 1; i < early.size(); ++i) {
            if (i % 2)
                throttle.throttled(early[i], milliseconds(500));
            else
                throttle.answered(early[i]);
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), throttle.counters().decreases);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(lowered, throttle.currentRequestsPerMinute(), 0.001);
    }

    void furtherDecreaseWaitsForAnswers() {
        ThrottleController throttle = controller(6000);
        throttle.throttled(take(throttle), milliseconds(100));
        advance(milliseconds(100));
        // Inside the episode, 429s of requests sent after the decrease: nothing until ten
        // requests sent since were answered (the first 429 after the pause starts the count).
        for (int i = 1; i <= 12; ++i) {
            advance(milliseconds(50));
            const auto ticket = takeWhenThere(throttle);
            if (i % 3 == 1)
                throttle.throttled(ticket, milliseconds(100));
            else
                throttle.answered(ticket);
            CPPUNIT_ASSERT_EQUAL_MESSAGE("after answer " + std::to_string(i),
                                         std::int64_t(i < 10 ? 1 : 2),
                                         throttle.counters().decreases);
        }
    }

    void serverErrorsNeverLowerTheRate() {
        ThrottleController throttle = controller(300);
        for (int i = 0; i < 50; ++i) {
            advance(milliseconds(200));
            throttle.answered(take(throttle)); // 500, 503, 408 ... are answers, not 429s
        }
        CPPUNIT_ASSERT_DOUBLES_EQUAL(300.0, throttle.currentRequestsPerMinute(), 0.001);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), throttle.counters().decreases);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), throttle.counters().pauses);
    }

    void recoveryReachesTheConfiguredRateWithinAMinute() {
        ThrottleController throttle = controller(1200);
        throttle.throttled(take(throttle), seconds(1));
        const SimTime decreased = _clock.now;
        std::vector<double> rates;
        for (int second = 0; second <= 60; ++second) {
            _clock.now = decreased + seconds(second);
            rates.push_back(throttle.currentRequestsPerMinute());
        }
        CPPUNIT_ASSERT_DOUBLES_EQUAL(840.0, rates.front(), 0.5);
        for (std::size_t i = 1; i < rates.size(); ++i)
            CPPUNIT_ASSERT(rates[i] >= rates[i - 1]);
        CPPUNIT_ASSERT(rates[30] < 1200);
        CPPUNIT_ASSERT(rates[45] > 1100); // most of the way back well before the minute
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1200.0, rates[60], 0.001);
    }

    void convergesBelowAServerLimit() {
        // Partner Center at 300/min (a small bucket, empty at the start), the client set to
        // 1,200/min: few 429s and the server's limit used.
        ThrottleController throttle = controller(1200);
        TokenBucketServer server(300, 5, 0, _clock.now);
        SimSettings settings;
        settings.calls = 1000;
        settings.latency = milliseconds(50);
        settings.jitter = 0.3;
        const SimResult result = simulate(throttle, _clock, server, settings);
        CPPUNIT_ASSERT_EQUAL(1000, result.callsDone);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.throttledShare()),
                               result.throttledShare() <= 0.05);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.successesPerMinute()),
                               result.successesPerMinute() >= 0.9 * 300);
        CPPUNIT_ASSERT(result.counters.decreases >= 3);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), result.counters.undone);
        CPPUNIT_ASSERT(result.minRate >= 0.5 * 300);
    }

    void everyFifthCallThrottledDoesNotCollapseABindingRate() {
        // A 429 on every fifth call whatever the rate (per partner+customer throttling), the
        // client's 1,200/min binding: the decreases are undone and the rate stays near the
        // configured one, so the calls go at about 4/5 of it.
        ThrottleController throttle = controller(1200);
        EveryNthServer server(5, 1);
        double rateSeconds = 0, lastRate = 1200;
        SimTime last = _clock.now;
        SimSettings settings;
        settings.calls = 1000;
        settings.latency = milliseconds(50);
        settings.jitter = 0.3;
        settings.observe = [&](SimTime now, const ThrottleController& c) {
            rateSeconds += lastRate * std::chrono::duration<double>(now - last).count();
            last = now;
            lastRate = c.currentRequestsPerMinute();
        };
        const SimTime start = _clock.now;
        const SimResult result = simulate(throttle, _clock, server, settings);
        const double averageRate =
            rateSeconds / std::chrono::duration<double>(last - start).count();
        CPPUNIT_ASSERT_EQUAL(1000, result.callsDone);
        CPPUNIT_ASSERT(result.counters.undone >= 1);
        CPPUNIT_ASSERT(result.counters.decreases <= result.counters.undone + 2);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(averageRate), averageRate >= 0.85 * 1200);
        CPPUNIT_ASSERT(result.minRate >= 0.4 * 1200);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.successesPerMinute()),
                               result.successesPerMinute() >= 0.8 * 0.85 * 1200);
    }

    void everyFifthCallThrottledNearTheBoundWhenTheRateDoesNotBind() {
        // The same server, the client's rate far above what four in flight can send: the run
        // takes about (Retry-After seconds + latencies) / in flight, the waits overlapping.
        ThrottleController throttle = controller(600000);
        EveryNthServer server(5, 1);
        SimSettings settings;
        settings.calls = 1000;
        settings.workers = 4;
        settings.latency = milliseconds(50);
        const SimResult result = simulate(throttle, _clock, server, settings);
        const double bound =
            (result.retryAfterSeconds + static_cast<double>(result.requests) * 0.05) / 4;
        CPPUNIT_ASSERT_EQUAL(1000, result.callsDone);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), result.counters.pauses);
        CPPUNIT_ASSERT(result.counters.undone >= 1);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.seconds / bound),
                               result.seconds <= 1.3 * bound);
        // Never far below what the workers actually sent on average.
        const double sentPerMinute = 60.0 * static_cast<double>(result.requests) / result.seconds;
        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.minRate) + " " + std::to_string(sentPerMinute),
                               result.minRate >= 0.5 * sentPerMinute);
    }

    void randomThrottlingDoesNotCollapseTheRate() {
        ThrottleController throttle = controller(1200);
        RandomThrottleServer server(0.2, 1, 7);
        SimSettings settings;
        settings.calls = 2000;
        settings.latency = milliseconds(50);
        settings.jitter = 0.3;
        const SimResult result = simulate(throttle, _clock, server, settings);
        CPPUNIT_ASSERT_EQUAL(2000, result.callsDone);
        CPPUNIT_ASSERT(result.counters.undone >= 1);
        CPPUNIT_ASSERT(result.minRate >= 0.25 * 1200);
        CPPUNIT_ASSERT(throttle.currentRequestsPerMinute() >= 0.7 * 1200);
    }

    void cancelledWhileWaiting() {
        ThrottleController throttle(1); // one a minute, real time
        std::atomic<bool> stop{false};
        const RequestContext context{"", [&] { return stop.load(); }};
        ThrottleController::Ticket ticket;
        CPPUNIT_ASSERT(throttle.acquire(context, ticket));
        std::thread canceller([&] {
            std::this_thread::sleep_for(milliseconds(150));
            stop = true;
        });
        CPPUNIT_ASSERT(!throttle.acquire(context, ticket)); // returns once cancelled, not in 60 s
        canceller.join();
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ThrottleControllerTest);
