// SPDX-License-Identifier: GPL-3.0-or-later
// The animation drivers on their own: interpolator step, breathing curve, talking schedule and pick formula,
// blink refractory rule, sway bounds. The Animator test covers them together.

#include "animation/blink_driver.h"
#include "animation/breathing_driver.h"
#include "animation/pose_interpolator.h"
#include "core/random_source.h"
#include "animation/sway_driver.h"
#include "animation/talking_driver.h"

#include <QTest>

#include <cmath>

using namespace ths;

namespace {
const int kAaa = Pose::indexOf("mouth_aaa_index");
const int kEee = Pose::indexOf("mouth_eee_index");
const int kHeadX = Pose::indexOf("head_x_index");
const int kWinkLeft = Pose::indexOf("eye_wink_left_index");
const int kBreathing = Pose::indexOf("breathing_index");
} // namespace

class TestAnimationDrivers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interpolatorStep_data()
    {
        QTest::addColumn<double>("step");
        QTest::addColumn<double>("dt");
        QTest::addColumn<double>("expected");
        QTest::newRow("calibration frame") << 0.1 << 0.04 << 0.1;
        QTest::newRow("two calibration frames") << 0.1 << 0.08 << 0.19;
        QTest::newRow("10 fps") << 0.1 << 0.1 << 1.0 - std::pow(0.9, 2.5);
        QTest::newRow("half a frame") << 0.5 << 0.02 << 1.0 - std::sqrt(0.5);
        QTest::newRow("no time") << 0.1 << 0.0 << 0.0;
        QTest::newRow("step one jumps") << 1.0 << 0.01 << 1.0;
    }

    void interpolatorStep()
    {
        QFETCH(double, step);
        QFETCH(double, dt);
        QFETCH(double, expected);
        QVERIFY(std::abs(PoseInterpolator::stepFor(step, dt) - expected) < 1e-12);
    }

    void interpolatorApproachesAndSnaps()
    {
        Pose current;
        Pose target;
        target[kAaa] = 1.0f;
        target[kHeadX] = -0.5f;
        Pose next = PoseInterpolator::approach(current, target, 0.25);
        QCOMPARE(next[kAaa], 0.25f);
        QCOMPARE(next[kHeadX], -0.125f);
        for (int i = 0; i < 200; ++i)
            next = PoseInterpolator::approach(next, target, 0.1);
        QCOMPARE(next, target); // snapped exactly, not stuck one rounding step short
    }

    void breathingCurve_data()
    {
        QTest::addColumn<double>("cycle");
        QTest::newRow("default 4 s") << 4.0;
        QTest::newRow("2.5 s") << 2.5;
    }

    void breathingCurve()
    {
        QFETCH(double, cycle);
        BreathingDriver breathing;
        const double start = 100.0; // the cycle starts at the first call, wherever the clock is
        QCOMPARE(breathing.valueAt(start, cycle), 0.0);
        QVERIFY(std::abs(breathing.valueAt(start + cycle / 4, cycle) - 0.5) < 1e-9);
        QVERIFY(std::abs(breathing.valueAt(start + cycle / 2, cycle) - 1.0) < 1e-9);
        QVERIFY(std::abs(breathing.valueAt(start + 3 * cycle / 4, cycle) - 0.5) < 1e-9);
        QVERIFY(breathing.valueAt(start + cycle, cycle) < 1e-9);
        QVERIFY(std::abs(breathing.valueAt(start + 1.5 * cycle, cycle) - 1.0) < 1e-9);
        // Phase stays exact after many cycles.
        QVERIFY(std::abs(breathing.valueAt(start + 1000.5 * cycle, cycle) - 1.0) < 1e-6);
        Pose pose;
        breathing.apply(pose, start + 1001.25 * cycle, cycle);
        QVERIFY(std::abs(pose[kBreathing] - 0.5f) < 1e-5f);
    }

    void talkingPicksAtTalkingFps_data()
    {
        QTest::addColumn<double>("talkingFps");
        QTest::addColumn<double>("fps");
        QTest::newRow("12 at 25 fps") << 12.0 << 25.0;
        QTest::newRow("12 at 50 fps") << 12.0 << 50.0;
        QTest::newRow("12 at 60 fps") << 12.0 << 60.0;
        QTest::newRow("5 at 25 fps") << 5.0 << 25.0;
        QTest::newRow("8 at 10 fps") << 8.0 << 10.0;
    }

    void talkingPicksAtTalkingFps()
    {
        QFETCH(double, talkingFps);
        QFETCH(double, fps);
        RandomSource random(7);
        TalkingDriver talking(random);
        AnimatorSettings settings;
        settings.talkingFps = talkingFps;
        const Pose target;
        Pose pose;
        const int frames = int(std::lround(10.0 * fps)); // 10 s
        int changes = 0;
        float previous = -1.0f;
        for (int f = 0; f < frames; ++f) {
            const double now = f / fps;
            talking.apply(pose, target, now, true, settings, std::nullopt);
            if (pose[kAaa] != previous)
                ++changes;
            previous = pose[kAaa];
        }
        QCOMPARE(talking.pickCount(), qint64(std::lround(10.0 * talkingFps)));
        QVERIFY(changes <= talking.pickCount());
        QVERIFY(changes > talking.pickCount() / 3); // it does move
    }

    void talkingPickFormulaMostlySnaps()
    {
        // x_new = clamp((1 − x) + U(−2, 2), 0, 1): 0 or 1 three quarters of the time.
        RandomSource random(11);
        TalkingDriver talking(random);
        AnimatorSettings settings;
        Pose pose;
        const Pose target;
        int extremes = 0;
        const int picks = 4000;
        for (int i = 0; i < picks; ++i) {
            talking.apply(pose, target, i / settings.talkingFps, true, settings, std::nullopt);
            QVERIFY(pose[kAaa] >= 0.0f && pose[kAaa] <= 1.0f);
            if (pose[kAaa] == 0.0f || pose[kAaa] == 1.0f)
                ++extremes;
        }
        QCOMPARE(talking.pickCount(), qint64(picks));
        QVERIFY2(std::abs(extremes / double(picks) - 0.75) < 0.03, qPrintable(QString::number(extremes)));
    }

    void talkingSnapsShutAfterStop()
    {
        RandomSource random(3);
        TalkingDriver talking(random);
        AnimatorSettings settings;
        Pose target;
        target[kEee] = 1.0f; // e.g. amusement's grin
        Pose pose = target;
        for (int f = 0; f < 30; ++f) {
            talking.apply(pose, target, f / 25.0, true, settings, std::nullopt);
            QCOMPARE(pose[kEee], 0.0f); // other mouth-open morphs are held at 0 while talking
        }
        pose[kAaa] = 0.8f;
        talking.apply(pose, target, 30 / 25.0, false, settings, std::nullopt);
        QCOMPARE(pose[kAaa], 0.0f);
        QCOMPARE(pose[kEee], 1.0f);
        // Afterwards the driver leaves the mouth to the interpolator.
        pose[kAaa] = 0.3f;
        talking.apply(pose, target, 31 / 25.0, false, settings, std::nullopt);
        QCOMPARE(pose[kAaa], 0.3f);
    }

    void blinkRefractoryRule()
    {
        RandomSource random(5);
        BlinkDriver blink(random);
        AnimatorSettings settings;
        settings.blinkProbability = 1.0;
        settings.blinkIntervalMin = 2.0;
        settings.blinkIntervalMax = 3.0;
        Pose pose;
        QVERIFY(blink.apply(pose, 0.0, 0.04, settings, false)); // no refractory time before the first blink
        QCOMPARE(pose[kWinkLeft], 1.0f);
        const double interval = blink.interval();
        QVERIFY(interval >= 2.0 && interval <= 3.0);
        Pose open;
        QVERIFY(!blink.apply(open, interval - 0.01, 0.04, settings, false));
        QCOMPARE(open[kWinkLeft], 0.0f);
        QVERIFY(blink.apply(open, 0.5, 0.04, settings, true)); // the confusion rule ignores it
        QVERIFY(blink.apply(open, 0.5 + blink.interval(), 0.04, settings, false));

        settings.blinkProbability = 0.0;
        QVERIFY(!blink.apply(open, 100.0, 1.0, settings, false)); // probability 0 never blinks
    }

    void swayMacroBounds_data()
    {
        QTest::addColumn<double>("v");
        QTest::addColumn<double>("m");
        QTest::newRow("centre") << 0.0 << 0.6;
        QTest::newRow("inside") << 0.3 << 0.6;
        QTest::newRow("beyond positive") << 0.9 << 0.3;
        QTest::newRow("beyond negative") << -0.642 << 0.3;
        QTest::newRow("no strength") << 0.2 << 0.0;
    }

    void swayMacroBounds()
    {
        QFETCH(double, v);
        QFETCH(double, m);
        RandomSource random(13);
        SwayDriver sway(random);
        AnimatorSettings settings;
        settings.swayMacroStrength = m;
        settings.swayMicroStrength = 0.0;
        settings.swayMorphs = {"head_x_index"};
        Pose emotion;
        emotion[kHeadX] = float(v);
        emotion[kAaa] = 0.5f;
        const float low = float(std::min(v, -m)) - 1e-6f;
        const float high = float(std::max(v, m)) + 1e-6f;
        float seenLow = 1.0f;
        float seenHigh = -1.0f;
        for (int i = 0; i < 400; ++i) {
            Pose target = emotion;
            sway.apply(target, i * 0.04, /*emotionChanged=*/true, settings); // a fresh macro draw each time
            QVERIFY2(target[kHeadX] >= low && target[kHeadX] <= high, qPrintable(QString::number(target[kHeadX])));
            QCOMPARE(target[kAaa], 0.5f); // not a sway morph
            seenLow = std::min(seenLow, target[kHeadX]);
            seenHigh = std::max(seenHigh, target[kHeadX]);
        }
        // The draws cover the allowed interval.
        QVERIFY(seenHigh - seenLow >= 0.9f * (high - low) - 1e-5f);
    }
};

QTEST_GUILESS_MAIN(TestAnimationDrivers)
#include "test_animation_drivers.moc"
