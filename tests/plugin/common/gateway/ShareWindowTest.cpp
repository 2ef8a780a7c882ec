#include "gateway/ShareWindow.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::gateway;
using std::chrono::seconds;

// The guard's verdict on a decrease, from the window before it and the window after it.
class ShareWindowTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ShareWindowTest);
    CPPUNIT_TEST(aWindowOpenedByAPauseCountsFromItsFirst429);
    CPPUNIT_TEST(shareUnchangedAtALowerRateDidNotHelp);
    CPPUNIT_TEST(shareFallingAsALimitPredictsHelped);
    CPPUNIT_TEST(judgedByTheNearerPrediction);
    CPPUNIT_TEST(noEvidenceWithoutAnswersBiteOrWhenMostAreRefused);
    CPPUNIT_TEST_SUITE_END();

    using TimePoint = ShareWindow::TimePoint;
    const TimePoint t0 = TimePoint() + std::chrono::hours(1);

    /// A closed window of `seconds` that sent `sends` requests, `answers` answered, `throttled`
    /// of them 429.
    ShareWindow window(TimePoint from, int lengthSeconds, int sends, int answers, int throttled) {
        ShareWindow w;
        w.from = from;
        w.to = from + seconds(lengthSeconds);
        for (int i = 0; i < sends; ++i)
            w.sent();
        for (int i = 0; i < answers; ++i)
            w.answered(i < throttled, from);
        return w;
    }

public:
    void aWindowOpenedByAPauseCountsFromItsFirst429() {
        ShareWindow w;
        w.from = t0;
        w.counting = false;
        w.sent();
        w.answered(false, t0 + seconds(1)); // the server's bucket refilled during the pause
        w.answered(false, t0 + seconds(1));
        CPPUNIT_ASSERT_EQUAL(0, w.answers);
        w.answered(true, t0 + seconds(2));
        w.sent();
        w.answered(false, t0 + seconds(3));
        CPPUNIT_ASSERT_EQUAL(2, w.answers);
        CPPUNIT_ASSERT_EQUAL(1, w.throttled);
        CPPUNIT_ASSERT_EQUAL(1, w.sends);
        CPPUNIT_ASSERT(w.from == t0 + seconds(2));
        CPPUNIT_ASSERT_DOUBLES_EQUAL(0.5, w.share(), 1e-9);
    }

    void shareUnchangedAtALowerRateDidNotHelp() {
        // Every fifth call refused at 20/s, then at 14/s.
        const ShareWindow before = window(t0, 2, 40, 40, 8);
        const ShareWindow after = window(t0 + seconds(2), 2, 28, 20, 4);
        CPPUNIT_ASSERT(judgeDecrease(before, after, t0 + seconds(4), 10, 0.7) ==
                       DecreaseVerdict::DidNotHelp);
    }

    void shareFallingAsALimitPredictsHelped() {
        // A limit of 5/s: 25 % refused at 400/min, none at 280/min.
        const ShareWindow before = window(t0, 3, 20, 20, 5);
        const ShareWindow after = window(t0 + seconds(3), 3, 14, 12, 0);
        CPPUNIT_ASSERT(judgeDecrease(before, after, t0 + seconds(6), 10, 0.7) ==
                       DecreaseVerdict::Helped);
    }

    void judgedByTheNearerPrediction() {
        // 28 % refused at 600/min, then 420/min sent: a limit at the 432/min that succeeded
        // predicts 0 %, independent throttling 28 %; the verdict goes to the nearer.
        const ShareWindow before = window(t0, 10, 100, 100, 28);
        const ShareWindow after = window(t0 + seconds(10), 10, 70, 70, 5);
        CPPUNIT_ASSERT(judgeDecrease(before, after, t0 + seconds(20), 10, 0.7) ==
                       DecreaseVerdict::Helped);
        const ShareWindow same = window(t0 + seconds(10), 10, 70, 70, 17);
        CPPUNIT_ASSERT(judgeDecrease(before, same, t0 + seconds(20), 10, 0.7) ==
                       DecreaseVerdict::DidNotHelp);
    }

    void noEvidenceWithoutAnswersBiteOrWhenMostAreRefused() {
        const ShareWindow before = window(t0, 2, 40, 40, 8);
        // Too few answers before the decrease.
        CPPUNIT_ASSERT(judgeDecrease(window(t0, 2, 9, 9, 2), window(t0 + seconds(2), 2, 28, 20, 4),
                                     t0 + seconds(4), 10, 0.7) == DecreaseVerdict::NoEvidence);
        // What was sent did not fall (the workers used less than allowed before and after).
        CPPUNIT_ASSERT(judgeDecrease(before, window(t0 + seconds(2), 2, 36, 20, 4), t0 + seconds(4),
                                     10, 0.7) == DecreaseVerdict::NoEvidence);
        // 30 % or more refused before: decreasing is right whatever the cause.
        CPPUNIT_ASSERT(judgeDecrease(window(t0, 2, 40, 40, 12),
                                     window(t0 + seconds(2), 2, 28, 20, 6), t0 + seconds(4), 10,
                                     0.7) == DecreaseVerdict::NoEvidence);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ShareWindowTest);
