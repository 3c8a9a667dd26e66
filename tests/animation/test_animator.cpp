// SPDX-License-Identifier: GPL-3.0-or-later
// The Animator frame by frame on a ManualClock with a fixed seed: breathing, blinking (interval, reopening,
// confusion rule), sway (bounds, only sway morphs), talking (rate, hold, snap shut), lip-sync override, emotion
// transitions (convergence, frame-rate independence), unknown emotions, template reloads, pseudo-emotions and
// reproducibility.

#include "animation/animator.h"
#include "animation/manual_clock.h"
#include "animation/talking_driver.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace ths;

namespace {

const int kWinkLeft = Pose::indexOf("eye_wink_left_index");
const int kWinkRight = Pose::indexOf("eye_wink_right_index");
const int kBreathing = Pose::indexOf("breathing_index");
const int kAaa = Pose::indexOf("mouth_aaa_index");
const int kOoo = Pose::indexOf("mouth_ooo_index");
const int kSmirk = Pose::indexOf("mouth_smirk");
const int kHappyBrowLeft = Pose::indexOf("eyebrow_happy_left_index");
const int kHeadX = Pose::indexOf("head_x_index");
const int kIrisX = Pose::indexOf("iris_rotation_x_index");

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// No blinking, no sway: only the emotion, talking and breathing move the pose.
AnimatorSettings quietSettings()
{
    AnimatorSettings s;
    s.blinkProbability = 0.0;
    s.swayMorphs.clear();
    return s;
}

// An animator on its own manual clock, stepped at a fixed frame rate.
struct Rig {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    Animator animator;
    double fps;

    explicit Rig(double framesPerSecond, quint32 seed = 42, const AnimatorSettings &settings = quietSettings())
        : animator(clock, seed)
        , fps(framesPerSecond)
    {
        animator.setSettings(settings);
    }

    // Renders the frame at the current time, then moves the clock one frame on.
    Pose frame()
    {
        const Pose pose = animator.nextFrame();
        clock->advance(1.0 / fps);
        return pose;
    }

    // Renders frames until the clock reaches `seconds` (frames at 0, 1/fps, …, strictly before it).
    Pose runUntil(double seconds)
    {
        Pose pose;
        while (clock->now() < seconds - 1e-9)
            pose = frame();
        return pose;
    }
};

bool isSwayMorph(int i, const AnimatorSettings &s)
{
    return s.swayMorphs.contains(QLatin1String(Pose::parameters()[i].name));
}

} // namespace

class TestAnimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFrameIsTheEmotionTemplate()
    {
        Rig rig(25);
        rig.animator.setEmotion("anger");
        QVERIFY(!rig.animator.currentPose());
        Pose pose = rig.frame();
        Pose expected = EmotionTemplates::factory().value("anger");
        expected[kBreathing] = 0.0f; // breathing starts its cycle at 0
        QCOMPARE(pose, expected);
        QCOMPARE(*rig.animator.currentPose(), pose);
    }

    void breathingFollowsTheCycle_data()
    {
        QTest::addColumn<double>("cycle");
        QTest::addColumn<double>("fps");
        QTest::newRow("default cycle, 25 fps") << 4.0 << 25.0;
        QTest::newRow("2 s cycle, 10 fps") << 2.0 << 10.0;
        QTest::newRow("6 s cycle, 50 fps") << 6.0 << 50.0;
    }

    void breathingFollowsTheCycle()
    {
        QFETCH(double, cycle);
        QFETCH(double, fps);
        AnimatorSettings settings = quietSettings();
        settings.breathingCycleDuration = cycle;
        Rig rig(fps, 1, settings);
        const int frames = int(std::lround(3 * cycle * fps));
        for (int f = 0; f <= frames; ++f) {
            const double t = f / fps;
            const Pose pose = rig.frame();
            const double expected = std::pow(std::sin(std::numbers::pi * t / cycle), 2);
            QVERIFY2(std::abs(pose[kBreathing] - expected) < 1e-5,
                     qPrintable(QStringLiteral("t=%1: %2 vs %3").arg(t).arg(pose[kBreathing]).arg(expected)));
        }
        // The landmarks: 0 at the start, 1 at half a cycle, 0 after a full one.
        Rig marks(fps, 1, settings);
        QCOMPARE(marks.animator.poseAt(0.0)[kBreathing], 0.0f);
        QVERIFY(std::abs(marks.animator.poseAt(cycle / 2)[kBreathing] - 1.0f) < 1e-6f);
        QVERIFY(marks.animator.poseAt(cycle)[kBreathing] < 1e-6f);
    }

    void blinksRespectTheInterval_data()
    {
        QTest::addColumn<double>("intervalMin");
        QTest::addColumn<double>("intervalMax");
        QTest::addColumn<double>("probability");
        QTest::addColumn<double>("fps");
        QTest::newRow("certain, 2-3 s, 25 fps") << 2.0 << 3.0 << 1.0 << 25.0;
        QTest::newRow("certain, 1-1.5 s, 60 fps") << 1.0 << 1.5 << 1.0 << 60.0;
        QTest::newRow("defaults, 25 fps") << 2.0 << 5.0 << 0.03 << 25.0;
        QTest::newRow("defaults, 10 fps") << 2.0 << 5.0 << 0.03 << 10.0;
    }

    void blinksRespectTheInterval()
    {
        QFETCH(double, intervalMin);
        QFETCH(double, intervalMax);
        QFETCH(double, probability);
        QFETCH(double, fps);
        AnimatorSettings settings = quietSettings();
        settings.blinkIntervalMin = intervalMin;
        settings.blinkIntervalMax = intervalMax;
        settings.blinkProbability = probability;
        Rig rig(fps, 9, settings);

        QList<double> blinks;
        while (rig.clock->now() < 120.0) {
            const double t = rig.clock->now();
            const Pose pose = rig.frame();
            QCOMPARE(pose[kWinkLeft], pose[kWinkRight]);
            if (pose[kWinkLeft] == 1.0f) // neutral's eyes are open; only a blink frame closes them fully
                blinks << t;
        }
        QVERIFY(blinks.size() >= 10);
        if (probability == 1.0)
            QCOMPARE(blinks.first(), 0.0); // no refractory time before the first blink
        double sum = 0.0;
        for (qsizetype i = 1; i < blinks.size(); ++i) {
            const double gap = blinks[i] - blinks[i - 1];
            QVERIFY2(gap >= intervalMin - 1e-9, qPrintable(QString::number(gap)));
            if (probability == 1.0) // a certain blink comes on the first frame after the interval
                QVERIFY2(gap <= intervalMax + 1.0 / fps + 1e-9, qPrintable(QString::number(gap)));
            sum += gap;
        }
        if (probability < 1.0) {
            // Refractory time (mean 3.5 s) plus a hazard of ≈0.76/s: about 4.8 s between blinks.
            const double mean = sum / double(blinks.size() - 1);
            QVERIFY2(mean > 3.5 && mean < 7.0, qPrintable(QString::number(mean)));
        }
    }

    void blinkReopensOverTheRightFrames_data()
    {
        QTest::addColumn<QString>("emotion");
        QTest::addColumn<double>("fps");
        QTest::addColumn<int>("framesToHalfOpen");
        QTest::newRow("25 fps") << "neutral" << 25.0 << 7;   // 0.9^7 = 0.478
        QTest::newRow("10 fps") << "neutral" << 10.0 << 3;   // 0.9^7.5 = 0.454
        QTest::newRow("50 fps") << "neutral" << 50.0 << 14;  // 0.9^7 again: same wall time
        QTest::newRow("desire, 25 fps") << "desire" << 25.0 << 7; // reopens toward its own wink 0.368
    }

    void blinkReopensOverTheRightFrames()
    {
        QFETCH(QString, emotion);
        QFETCH(double, fps);
        QFETCH(int, framesToHalfOpen);
        AnimatorSettings settings = quietSettings();
        settings.blinkProbability = 1.0;
        settings.blinkIntervalMin = settings.blinkIntervalMax = 1000.0; // exactly one blink
        Rig rig(fps, 3, settings);
        rig.animator.setEmotion(emotion);
        const float open = EmotionTemplates::factory().value(emotion)[kWinkLeft];

        QCOMPARE(rig.frame()[kWinkLeft], 1.0f); // closed at once, for one frame
        int halfOpenAt = -1;
        for (int k = 1; k <= int(2 * fps); ++k) {
            const float wink = rig.frame()[kWinkLeft];
            const double expected = open + (1.0 - open) * std::pow(0.9, 25.0 * k / fps);
            QVERIFY2(std::abs(wink - expected) < 1e-5, qPrintable(QStringLiteral("frame %1: %2").arg(k).arg(wink)));
            if (halfOpenAt < 0 && wink - open < 0.5f * (1.0f - open))
                halfOpenAt = k;
        }
        QCOMPARE(halfOpenAt, framesToHalfOpen);
    }

    void confusionBlinksRapidly()
    {
        AnimatorSettings settings = quietSettings();
        settings.blinkProbability = 1.0;
        settings.blinkConfusionDuration = 1.0;
        auto countBlinks = [&](const QString &emotion, double from, double to) {
            Rig rig(25, 4, settings);
            rig.animator.setEmotion(emotion);
            int blinks = 0;
            while (rig.clock->now() < to - 1e-9) {
                const double t = rig.clock->now();
                if (rig.frame()[kWinkLeft] == 1.0f && t >= from - 1e-9)
                    ++blinks;
            }
            return blinks;
        };
        // While the confusion rule holds, every frame blinks; afterwards the refractory time is back.
        QCOMPARE(countBlinks("confusion", 0.0, 1.0), 25);
        QVERIFY(countBlinks("confusion", 1.0, 3.0) <= 1);
        QCOMPARE(countBlinks("curiosity", 0.0, 1.0), 1);
    }

    void swayStaysWithinStrength_data()
    {
        QTest::addColumn<QString>("emotion");
        QTest::addColumn<double>("macro");
        QTest::newRow("neutral, default") << "neutral" << 0.6;
        QTest::newRow("anger beyond strength") << "anger" << 0.3;
        QTest::newRow("curiosity, weak") << "curiosity" << 0.2;
    }

    void swayStaysWithinStrength()
    {
        QFETCH(QString, emotion);
        QFETCH(double, macro);
        AnimatorSettings settings = quietSettings();
        settings.swayMorphs = AnimatorSettings().swayMorphs;
        settings.swayMacroStrength = macro;
        settings.swayMicroStrength = 0.0;
        settings.swayIntervalMin = 1.0;
        settings.swayIntervalMax = 2.0;
        Rig rig(25, 21, settings);
        rig.animator.setEmotion(emotion);
        const Pose templ = EmotionTemplates::factory().value(emotion);

        std::array<float, Pose::kCount> low, high;
        low.fill(1.0f);
        high.fill(-1.0f);
        while (rig.clock->now() < 60.0) {
            const Pose pose = rig.frame();
            for (int i = 0; i < Pose::kCount; ++i) {
                if (i == kBreathing)
                    continue;
                if (!isSwayMorph(i, settings)) {
                    QCOMPARE(pose[i], templ[i]); // sway touches only the sway morphs
                    continue;
                }
                const float v = templ[i];
                const float bottom = float(std::min(double(v), -macro)) - 1e-6f;
                const float top = float(std::max(double(v), macro)) + 1e-6f;
                QVERIFY2(pose[i] >= bottom && pose[i] <= top,
                         qPrintable(QStringLiteral("%1 = %2").arg(Pose::parameters()[i].name).arg(pose[i])));
                low[i] = std::min(low[i], pose[i]);
                high[i] = std::max(high[i], pose[i]);
            }
        }
        for (const QString &name : settings.swayMorphs) {
            const int i = Pose::indexOf(name);
            QVERIFY2(high[i] - low[i] > 0.2 * macro, qPrintable(name)); // and they do sway
        }
    }

    void microSwayIsABoundedWalk()
    {
        AnimatorSettings settings = quietSettings();
        settings.swayMorphs = {"head_x_index"};
        settings.swayMacroStrength = 0.0;
        settings.swayMicroStrength = 0.02;
        settings.swayIntervalMin = settings.swayIntervalMax = 3600.0;
        Rig rig(25, 8, settings);
        float largest = 0.0f;
        while (rig.clock->now() < 10.0) {
            const double t = rig.clock->now();
            const Pose pose = rig.frame();
            // At most one step of ±0.02 per 1/25 s since the macro target (0 here) was drawn.
            QVERIFY(std::abs(pose[kHeadX]) <= 0.02f * 25.0f * float(t) + 1e-6f);
            largest = std::max(largest, std::abs(pose[kHeadX]));
        }
        QVERIFY(largest > 0.02f);
    }

    void swayMorphsAreConfigurable()
    {
        AnimatorSettings settings = quietSettings();
        settings.swayMorphs = {"iris_rotation_x_index"};
        Rig rig(25, 5, settings);
        float irisLow = 1.0f, irisHigh = -1.0f;
        while (rig.clock->now() < 30.0) {
            const Pose pose = rig.frame();
            QCOMPARE(pose[kHeadX], 0.0f);
            irisLow = std::min(irisLow, pose[kIrisX]);
            irisHigh = std::max(irisHigh, pose[kIrisX]);
        }
        QVERIFY(irisHigh - irisLow > 0.1f);

        // [] disables sway: a neutral face stays still apart from breathing.
        settings.swayMorphs.clear();
        rig.animator.setSettings(settings);
        rig.runUntil(35.0); // let the iris settle back
        const Pose settled = rig.frame();
        while (rig.clock->now() < 45.0) {
            Pose pose = rig.frame();
            pose[kBreathing] = settled[kBreathing];
            QCOMPARE(pose, settled);
        }
    }

    void talkingFlapsTheMorphAndSnapsShut_data()
    {
        QTest::addColumn<QString>("emotion");
        QTest::addColumn<QString>("morph");
        QTest::newRow("neutral, aaa") << "neutral" << "mouth_aaa_index";
        QTest::newRow("amusement (eee grin), aaa") << "amusement" << "mouth_aaa_index";
        QTest::newRow("joy (aaa open), ooo") << "joy" << "mouth_ooo_index";
    }

    void talkingFlapsTheMorphAndSnapsShut()
    {
        QFETCH(QString, emotion);
        QFETCH(QString, morph);
        AnimatorSettings settings = quietSettings();
        settings.talkingMorph = morph;
        Rig rig(50, 17, settings);
        rig.animator.setEmotion(emotion);
        const Pose templ = EmotionTemplates::factory().value(emotion);
        const int talkingMorph = Pose::indexOf(morph);
        const auto &mouth = TalkingDriver::mouthOpenMorphs();

        rig.runUntil(1.0);
        rig.animator.startTalking();
        QVERIFY(rig.animator.isTalking());
        int changes = 0;
        float previous = -1.0f;
        int heldFrames = 0;
        while (rig.clock->now() < 6.0) {
            const Pose pose = rig.frame();
            for (const int i : mouth)
                if (i != talkingMorph)
                    QCOMPARE(pose[i], 0.0f); // the other mouth-open morphs are shut while talking
            QVERIFY(pose[talkingMorph] >= 0.0f && pose[talkingMorph] <= 1.0f);
            if (pose[talkingMorph] != previous)
                ++changes;
            else
                ++heldFrames;
            previous = pose[talkingMorph];
        }
        // 5 s at 12 picks/s: at most 60 distinct openings, each held between picks (50 fps > 12).
        QVERIFY2(changes <= 61 && changes >= 20, qPrintable(QString::number(changes)));
        QVERIFY(heldFrames >= 250 - 61);

        rig.animator.stopTalking();
        const Pose stopped = rig.frame();
        for (const int i : mouth)
            QCOMPARE(stopped[i], templ[i]); // snapped, not eased
        QCOMPARE(stopped[talkingMorph], templ[talkingMorph]);
        const Pose after = rig.runUntil(8.0);
        for (const int i : mouth)
            QCOMPARE(after[i], templ[i]);
    }

    void mouthSourceReplacesTalking()
    {
        Rig rig(25, 2);
        rig.animator.setEmotion("amusement"); // mouth_eee 1
        rig.animator.setMouthSource([](double now) -> std::optional<MouthShape> {
            if (now < 1.0)
                return MouthShape{.aaa = 0.25f, .ooo = 0.75f};
            if (now < 2.0)
                return MouthShape{.iii = 2.0f}; // clamped
            return std::nullopt;
        });
        rig.animator.startTalking();
        while (rig.clock->now() < 1.0) {
            const Pose pose = rig.frame();
            QCOMPARE(pose[kAaa], 0.25f);
            QCOMPARE(pose[kOoo], 0.75f);
            QCOMPARE(pose.value("mouth_eee_index"), 0.0f);
            QCOMPARE(pose.value("mouth_delta"), 0.0f);
        }
        while (rig.clock->now() < 2.0)
            QCOMPARE(rig.frame().value("mouth_iii_index"), 1.0f);
        // The source is done: random talking takes the mouth back.
        float low = 1.0f, high = 0.0f;
        while (rig.clock->now() < 4.0) {
            const Pose pose = rig.frame();
            QCOMPARE(pose[kOoo], 0.0f);
            low = std::min(low, pose[kAaa]);
            high = std::max(high, pose[kAaa]);
        }
        QVERIFY(high - low > 0.5f);

        // Without talking, the end of the shape snaps the mouth back to the emotion.
        rig.animator.stopTalking();
        rig.animator.setMouthSource([](double now) -> std::optional<MouthShape> {
            if (now < 5.0)
                return MouthShape{.uuu = 1.0f};
            return std::nullopt;
        });
        QCOMPARE(rig.runUntil(5.0).value("mouth_uuu_index"), 1.0f);
        const Pose released = rig.frame();
        QCOMPARE(released.value("mouth_uuu_index"), 0.0f);
        QCOMPARE(released.value("mouth_eee_index"), 1.0f);
        rig.animator.setMouthSource({});
        QCOMPARE(rig.frame().value("mouth_eee_index"), 1.0f);
    }

    void emotionChangeWhileHeldStillAppliesAtOnce()
    {
        // While the speech atlas plays (hold still), the face does not ease into a new emotion: every eased frame would
        // be a full render. Without holding still it eases as the original does (transitionConvergesToTheTemplate).
        for (const bool hold : {true, false}) {
            Rig rig(25);
            rig.animator.setHoldStillWhileSpeaking(hold);
            rig.animator.setMouthSource([](double) -> std::optional<MouthShape> { return MouthShape{.aaa = 0.5f}; });
            rig.runUntil(2.0);
            rig.animator.setEmotion(QStringLiteral("joy"));
            const Pose pose = rig.frame();
            const Pose joy = EmotionTemplates::factory().value(QStringLiteral("joy"));
            const Pose neutral = EmotionTemplates::factory().value(QStringLiteral("neutral"));
            int moving = 0;
            for (int i = 0; i < Pose::kCount; ++i) {
                const auto &mouth = TalkingDriver::mouthOpenMorphs();
                if (i == kBreathing || std::find(mouth.begin(), mouth.end(), i) != mouth.end() || joy[i] == neutral[i])
                    continue;
                ++moving;
                if (hold)
                    QCOMPARE(pose[i], joy[i]);
                else
                    QVERIFY2(std::abs(pose[i] - joy[i]) > 0.5 * std::abs(joy[i] - neutral[i]),
                             qPrintable(QLatin1String(Pose::parameters()[size_t(i)].name)));
            }
            QVERIFY(moving > 0);
            QCOMPARE(pose[kAaa], 0.5f); // the mouth still speaks
        }
    }

    void transitionConvergesToTheTemplate_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("neutral to joy") << "neutral" << "joy";
        QTest::newRow("anger to surprise") << "anger" << "surprise";
        QTest::newRow("sadness to neutral") << "sadness" << "neutral";
    }

    void transitionConvergesToTheTemplate()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        Rig rig(25);
        rig.animator.setEmotion(from);
        rig.runUntil(1.0);
        QCOMPARE(rig.animator.setEmotion(to), to);
        const Pose start = *rig.animator.currentPose();
        Pose target = EmotionTemplates::factory().value(to);

        // Half-way after ≈0.26 s (6.6 frames at 25 fps), as the original.
        const Pose half = rig.runUntil(1.28); // 7 frames
        for (int i = 0; i < Pose::kCount; ++i) {
            if (i == kBreathing || start[i] == target[i])
                continue;
            const double done = (half[i] - start[i]) / (target[i] - start[i]);
            QVERIFY2(std::abs(done - (1.0 - std::pow(0.9, 7))) < 1e-4, qPrintable(QString::number(done)));
        }
        Pose end = rig.runUntil(12.0);
        end[kBreathing] = target[kBreathing];
        QCOMPARE(end, target); // converged and snapped exactly
    }

    void transitionIsFrameRateIndependent_data()
    {
        QTest::addColumn<QList<double>>("frameTimes"); // seconds between frames, cycled
        QTest::newRow("10 fps") << QList<double>{0.1};
        QTest::newRow("25 fps") << QList<double>{0.04};
        QTest::newRow("50 fps") << QList<double>{0.02};
        QTest::newRow("60 fps") << QList<double>{1.0 / 60};
        QTest::newRow("irregular") << QList<double>{0.013, 0.071, 0.034, 0.09, 0.022};
    }

    void transitionIsFrameRateIndependent()
    {
        QFETCH(QList<double>, frameTimes);
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        animator.setSettings(quietSettings());
        animator.nextFrame(); // neutral at t = 0
        animator.setEmotion("surprise");
        const Pose target = EmotionTemplates::factory().value("surprise");

        // Whatever the frame times, the pose at wall time t is start + (1 − 0.9^(25·t))·(target − start).
        int step = 0;
        double t = 0.0;
        while (t < 2.0) {
            t += frameTimes[step++ % frameTimes.size()];
            clock->set(t);
            const Pose pose = animator.nextFrame();
            const double done = 1.0 - std::pow(0.9, 25.0 * t);
            for (int i = 0; i < Pose::kCount; ++i) {
                if (i == kBreathing)
                    continue;
                QVERIFY2(std::abs(pose[i] - done * target[i]) < 2e-5,
                         qPrintable(QStringLiteral("t=%1 %2: %3 vs %4")
                                        .arg(t)
                                        .arg(Pose::parameters()[i].name)
                                        .arg(pose[i])
                                        .arg(done * target[i])));
            }
        }
    }

    void unknownEmotionFallsBackToNeutral()
    {
        Rig rig(25);
        rig.animator.setEmotion("joy");
        rig.runUntil(2.0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("unknown emotion.*smug"));
        QCOMPARE(rig.animator.setEmotion("smug"), QStringLiteral("neutral"));
        QCOMPARE(rig.animator.emotion(), QStringLiteral("neutral"));
        Pose pose = rig.runUntil(15.0);
        pose[kBreathing] = 0.0f;
        QCOMPARE(pose, Pose());
    }

    void reloadRemovingTheCurrentEmotionFallsBack()
    {
        Rig rig(25);
        QString error;
        QVERIFY(rig.animator.loadEmotionTemplates(parse(R"({"smug": {"mouth_smirk": 1.0}})"), &error));
        QCOMPARE(rig.animator.setEmotion("smug"), QStringLiteral("smug"));
        QVERIFY(rig.runUntil(3.0)[kSmirk] > 0.99f);

        // A broken reload changes nothing.
        QVERIFY(!rig.animator.loadEmotionTemplates(parse(R"({"smug": {"mouth_smirk": "wide"}})"), &error));
        QVERIFY2(error.contains("\"smug\"") && error.contains("mouth_smirk"), qPrintable(error));
        QCOMPARE(rig.animator.emotion(), QStringLiteral("smug"));

        // The next character has no "smug": the animator moves to neutral instead of dying.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("smug.*removed.*neutral"));
        QVERIFY(rig.animator.loadEmotionTemplates(parse("{}"), &error));
        QCOMPARE(rig.animator.emotion(), QStringLiteral("neutral"));
        QVERIFY(rig.runUntil(15.0)[kSmirk] < 1e-6f);

        // The same through setTemplates.
        QVERIFY(rig.animator.loadEmotionTemplates(parse(R"({"pout": {"mouth_ooo_index": 0.5}})"), &error));
        rig.animator.setEmotion("pout");
        rig.runUntil(16.0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("pout.*removed.*neutral"));
        rig.animator.setTemplates(EmotionTemplates());
        QCOMPARE(rig.animator.emotion(), QStringLiteral("neutral"));
        rig.runUntil(17.0);
    }

    void reloadedTemplateOfTheCurrentEmotionIsFollowed()
    {
        Rig rig(25);
        rig.animator.setEmotion("joy");
        rig.runUntil(5.0);
        QString error;
        QVERIFY(rig.animator.loadEmotionTemplates(parse(R"({"joy": {"mouth_ooo_index": 1.0}})"), &error));
        const Pose pose = rig.runUntil(15.0);
        QCOMPARE(pose[kOoo], 1.0f);
        QCOMPARE(pose[kAaa], 0.0f); // omitted in the new template: 0
        QCOMPARE(pose[kHappyBrowLeft], 0.0f);
    }

    void pseudoEmotions()
    {
        AnimatorSettings settings = quietSettings();
        settings.blinkProbability = 1.0; // blinks must not freeze the eyes shut under [custom]
        Rig rig(25, 6, settings);
        rig.animator.setEmotion("joy");
        rig.runUntil(10.0);
        QCOMPARE(rig.animator.setEmotion("[custom]"), QStringLiteral("[custom]"));
        Pose frozen = rig.runUntil(20.0);
        Pose joy = EmotionTemplates::factory().value("joy");
        QCOMPARE(frozen[kHappyBrowLeft], joy[kHappyBrowLeft]);
        QCOMPARE(frozen[kAaa], joy[kAaa]);
        float leastOpen = 1.0f;
        while (rig.clock->now() < 30.0)
            leastOpen = std::min(leastOpen, rig.frame()[kWinkLeft]);
        QVERIFY(leastOpen < 0.2f);

        QCOMPARE(rig.animator.setEmotion("[reset]"), QStringLiteral("[reset]"));
        settings.blinkProbability = 0.0;
        rig.animator.setSettings(settings);
        Pose reset = rig.runUntil(45.0);
        reset[kBreathing] = 0.0f;
        QCOMPARE(reset, Pose());
    }

    // The studio's pose editor: a hand-made pose is the target, and blinking and breathing play on top of it.
    void targetPoseIsFollowedWithIdleMotion()
    {
        AnimatorSettings settings = quietSettings();
        settings.blinkProbability = 1.0;
        Rig rig(25, 8, settings);
        rig.animator.setEmotion("joy");
        rig.runUntil(5.0);
        Pose hand;
        hand[kHeadX] = 0.5f;
        hand[kAaa] = 0.3f;
        hand[kIrisX] = 2.0f; // out of range: clamped to 1
        rig.animator.setTargetPose(hand);
        QCOMPARE(rig.animator.emotion(), QStringLiteral("[custom]"));
        Pose pose = rig.runUntil(15.0);
        QVERIFY(std::abs(pose[kHeadX] - 0.5f) < 1e-3f);
        QVERIFY(std::abs(pose[kAaa] - 0.3f) < 1e-3f);
        QVERIFY(std::abs(pose[kIrisX] - 1.0f) < 1e-3f);
        QVERIFY(pose[kHappyBrowLeft] < 1e-3f); // joy's eyebrows are gone: not frozen from the previous emotion
        float leastOpen = 1.0f, minBreath = 1.0f, maxBreath = 0.0f;
        while (rig.clock->now() < 25.0) {
            const Pose p = rig.frame();
            leastOpen = std::min(leastOpen, p[kWinkLeft]);
            minBreath = std::min(minBreath, p[kBreathing]);
            maxBreath = std::max(maxBreath, p[kBreathing]);
            QVERIFY(std::abs(p[kHeadX] - 0.5f) < 1e-3f);
        }
        QVERIFY(leastOpen < 0.2f);     // it blinked
        QVERIFY(maxBreath - minBreath > 0.5f); // it breathed

        // A later target moves the pose again, still under "[custom]".
        hand[kHeadX] = -0.25f;
        rig.animator.setTargetPose(hand);
        pose = rig.runUntil(35.0);
        QVERIFY(std::abs(pose[kHeadX] + 0.25f) < 1e-3f);
        // An emotion takes over again; "[custom]" chosen by name freezes where that emotion was heading.
        rig.animator.setEmotion("joy");
        rig.runUntil(45.0);
        rig.animator.setEmotion("[custom]");
        pose = rig.runUntil(55.0);
        const Pose joy = EmotionTemplates::factory().value("joy");
        QCOMPARE(pose[kHappyBrowLeft], joy[kHappyBrowLeft]);
        QCOMPARE(pose[kHeadX], joy[kHeadX]);
    }

    void sameSeedSameFrames()
    {
        AnimatorSettings lively; // the defaults: blink, sway, talking all on
        Rig a(25, 1234, lively);
        Rig b(25, 1234, lively);
        Rig c(25, 4321, lively);
        a.animator.startTalking();
        b.animator.startTalking();
        c.animator.startTalking();
        bool differs = false;
        while (a.clock->now() < 30.0) {
            if (a.clock->now() > 10.0 && a.clock->now() < 10.03) {
                a.animator.setEmotion("fear");
                b.animator.setEmotion("fear");
                c.animator.setEmotion("fear");
            }
            const Pose pa = a.frame();
            QCOMPARE(b.frame(), pa);
            differs = differs || !(c.frame() == pa);
        }
        QVERIFY(differs);
    }

    void repeatedAndBackwardTimesAreHarmless()
    {
        auto clock = std::make_shared<ManualClock>(50.0);
        Animator animator(clock, 1);
        animator.setEmotion("joy");
        animator.poseAt(50.0);
        const Pose at = animator.poseAt(51.0);
        QCOMPARE(animator.poseAt(51.0), at);         // no time passed: nothing moves
        QCOMPARE(animator.poseAt(40.0), at);         // the clock went back: treated as no time passed
        QCOMPARE(animator.poseAt(1e6).value("mouth_aaa_index"), 1.0f); // a long pause ends any transition
    }

    // A client's unknown emotion name is logged shortened, with its length, and not on every request.
    void unknownEmotionLogIsBounded()
    {
        static QStringList lines;
        lines.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &m) {
            lines.append(m);
        });
        Animator animator;
        QCOMPARE(animator.setEmotion(QString(1000000, QLatin1Char('x'))), QStringLiteral("neutral"));
        for (int i = 0; i < 100; ++i)
            animator.setEmotion(QStringLiteral("no-such-feeling"));
        qInstallMessageHandler(previous);
        QVERIFY(!lines.isEmpty());
        QVERIFY2(lines.first().size() < 300, qPrintable(lines.first().left(300)));
        QVERIFY2(lines.first().contains(QStringLiteral("(1000000 characters)")), qPrintable(lines.first().left(300)));
        QVERIFY2(lines.size() <= 5, qPrintable(QString::number(lines.size())));
    }

    void settingsChangeTakesEffectOnTheNextFrame()
    {
        Rig rig(25);
        rig.animator.startTalking();
        rig.runUntil(1.0);
        AnimatorSettings settings = rig.animator.settings();
        settings.talkingMorph = "mouth_ooo_index";
        rig.animator.setSettings(settings);
        float high = 0.0f;
        while (rig.clock->now() < 3.0) {
            const Pose pose = rig.frame();
            QCOMPARE(pose[kAaa], 0.0f);
            high = std::max(high, pose[kOoo]);
        }
        QVERIFY(high > 0.5f);
    }
};

QTEST_GUILESS_MAIN(TestAnimator)
#include "test_animator.moc"
