// SPDX-License-Identifier: GPL-3.0-or-later
// The animated preview with the real poser: with animation on, frames keep arriving and change over time
// (breathing, blinking) around the hand-made base pose; with it off, rendering stops; the server's viewers keep
// frames coming whatever the toggle says; a new poser replaces the live character and the animation goes on.

#include "animation/animator.h"
#include "image/image_import.h"
#include "engine/poser.h"
#include "live/live_character.h"
#include "studio/live_preview.h"
#include "studio/studio_image_provider.h"

#include "support/real_weights.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace ths;

namespace {
// Not a sway morph (sway moves the head and body around the target) and not touched by blinking or talking.
const int kAngryBrow = Pose::indexOf(QStringLiteral("eyebrow_angry_left_index"));

bool waitFrames(QSignalSpy &spy, int count, int timeoutMs = 180000)
{
    return QTest::qWaitFor([&] { return spy.count() >= count; }, timeoutMs);
}
} // namespace

class TestLivePreview : public QObject
{
    Q_OBJECT

    std::shared_ptr<Poser> m_poser;
    QImage m_image;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the preview's speech atlas must not fill the user's cache
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_poser = std::make_shared<Poser>(options);
        const ImportedImage imported = importImageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        QVERIFY(imported.report.ok());
        m_image = imported.image;
    }

    void animatesAndStops()
    {
        auto images = std::make_shared<StudioImages>();
        LivePreview live(images);
        QVERIFY(!live.available());
        QVERIFY(!live.character());
        QSignalSpy frames(&live, &LivePreview::frameReady);
        QSignalSpy characterSpy(&live, &LivePreview::characterChanged);

        Pose base;
        base[kAngryBrow] = 0.8f;
        live.setBasePose(base);
        live.setPoser(m_poser, QStringLiteral("separable_float"));
        QCOMPARE(characterSpy.count(), 1);
        QVERIFY(live.available());
        QCOMPARE(live.character()->animator().emotion(), QStringLiteral("[custom]"));
        // Shorter cycles, so a few frames at CPU speed show breathing and a blink.
        AnimatorSettings settings = live.character()->animator().settings();
        settings.breathingCycleDuration = 2.0;
        settings.blinkProbability = 1.0;
        live.character()->animator().setSettings(settings);

        live.setImage(m_image);
        live.setAnimating(true);
        QVERIFY(live.animating());
        QVERIFY(waitFrames(frames, 6));
        QVERIFY(live.fps() > 0);
        QCOMPARE(live.frameUrl().path(), QStringLiteral("/live"));
        StudioImageProvider provider(images);
        QSize size;
        QCOMPARE(provider.requestImage(QStringLiteral("live"), &size, {}).size(), QSize(512, 512));

        // The frames move (breathing changes the pose every frame, blinks and sway now and then).
        int distinct = 0;
        for (int i = 1; i < frames.count(); ++i)
            if (frames.at(i).at(0).value<QImage>() != frames.at(i - 1).at(0).value<QImage>())
                ++distinct;
        QVERIFY2(distinct >= 2, qPrintable(QString::number(distinct)));
        // …around the hand-made pose: the eyebrow has moved toward it.
        QVERIFY(live.character()->animator().currentPose().value()[kAngryBrow] > 0.4f);

        // Off: the frame in progress may still arrive, then nothing more.
        live.setAnimating(false);
        const double ms = live.character()->status().value(QStringLiteral("render_ms")).toDouble();
        QTest::qWait(int(2 * ms) + 1500);
        const int stopped = frames.count();
        QTest::qWait(int(3 * ms) + 2000);
        QCOMPARE(frames.count(), stopped);

        // The server's viewers want frames too: they render while the preview itself is off, and switching the
        // preview off does not starve them.
        live.character()->addDemand(DemandSource::StreamViewers);
        QVERIFY(waitFrames(frames, stopped + 2));
        live.setAnimating(true);
        live.setAnimating(false);
        const int watched = frames.count();
        QVERIFY(waitFrames(frames, watched + 2));
        live.character()->removeDemand(DemandSource::StreamViewers);
        QTest::qWait(int(2 * ms) + 1500);
        const int unwatched = frames.count();
        QTest::qWait(int(3 * ms) + 2000);
        QCOMPARE(frames.count(), unwatched);

        // On again, then a new poser (an engine reload): the same live character carries on with the new weights,
        // so the server and speech keep their character.
        live.setAnimating(true);
        QVERIFY(waitFrames(frames, unwatched + 2));
        LiveCharacter *before = live.character();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        auto reloaded = std::make_shared<Poser>(options);
        live.setPoser(reloaded, QStringLiteral("separable_float"));
        QCOMPARE(characterSpy.count(), 1);
        QCOMPARE(live.character(), before);
        QCOMPARE(live.character()->animator().emotion(), QStringLiteral("[custom]"));
        const int afterSwap = frames.count();
        QVERIFY(waitFrames(frames, afterSwap + 2));
        QTRY_VERIFY_WITH_TIMEOUT(reloaded->runs().editor > 0, 30000); // the new weights render

        // No weights (a reload that failed): nothing renders, the character stays; weights again: it goes on.
        QSignalSpy availability(&live, &LivePreview::availableChanged);
        live.setPoser(nullptr);
        QVERIFY(!live.available());
        QCOMPARE(live.character(), before);
        QTest::qWait(int(2 * ms) + 1500);
        const int withoutWeights = frames.count();
        QTest::qWait(int(2 * ms) + 1500);
        QCOMPARE(frames.count(), withoutWeights);
        QVERIFY(live.character()->status().value(QStringLiteral("model")).isNull());
        live.setPoser(reloaded, QStringLiteral("separable_float"));
        QVERIFY(live.available());
        QCOMPARE(availability.count(), 2);
        QVERIFY(waitFrames(frames, withoutWeights + 2));
        live.setAnimating(false);
    }
};

QTEST_GUILESS_MAIN(TestLivePreview)
#include "test_live_preview.moc"
