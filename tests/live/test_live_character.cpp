// SPDX-License-Identifier: GPL-3.0-or-later
// The live character with the real networks: loads, renders only on demand, follows emotions and settings,
// pauses on unload, rejects bad images with the validation report.

#include "animation/animator.h"
#include "image/image_import.h"
#include "engine/poser.h"
#include "live/live_character.h"
#include "support/address_space_cap.h"

#include "support/real_weights.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

#include <cstring>
#include <malloc.h>

using namespace ths;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Waits for the next frame, acknowledging it like the FrameHub does.
QImage nextFrame(LiveCharacter &live, QSignalSpy &spy, int timeoutMs = 60000)
{
    const int before = spy.count();
    if (!QTest::qWaitFor([&] { return spy.count() > before; }, timeoutMs))
        return {};
    live.frameConsumed();
    return spy.last().at(0).value<QImage>();
}

// Pixels whose alpha differs by more than half: how different two silhouettes are.
int alphaMismatch(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGBA8888), y = b.convertToFormat(QImage::Format_RGBA8888);
    int count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const uchar *p = x.constScanLine(row), *q = y.constScanLine(row);
        for (int col = 0; col < x.width(); ++col)
            count += std::abs(int(p[4 * col + 3]) - int(q[4 * col + 3])) > 128;
    }
    return count;
}

} // namespace

class TestLiveCharacter : public QObject
{
    Q_OBJECT

    std::unique_ptr<LiveCharacter> m_live;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_live = std::make_unique<LiveCharacter>(std::make_unique<Poser>(options), QStringLiteral("separable_float"));
    }

    void rejectsBadImages()
    {
        auto result = m_live->loadImage(QByteArray("not an image"), QStringLiteral("junk.png"));
        result.waitForFinished();
        QVERIFY(!result.result().ok);
        QVERIFY2(result.result().error.startsWith(QStringLiteral("decode-failed")), qPrintable(result.result().error));
        QCOMPARE(result.result().report.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(m_live->status().value(QStringLiteral("loaded")).toBool(), false);
    }

    void loadRendersOneFrameWithoutViewers()
    {
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        auto result = m_live->loadImage(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")), QStringLiteral("lambda_00.png"));
        result.waitForFinished();
        QVERIFY2(result.result().ok, qPrintable(result.result().error));
        const QImage frame = nextFrame(*m_live, spy);
        QCOMPARE(frame.size(), QSize(512, 512));
        QCOMPARE(frame.format(), QImage::Format_RGBA8888);
        // Nobody wants frames: no more are rendered.
        QTest::qWait(1500);
        QCOMPARE(spy.count(), 1);
        const QJsonObject status = m_live->status();
        QCOMPARE(status.value(QStringLiteral("loaded")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("model")).toString(), QStringLiteral("separable_float"));
        QVERIFY(status.value(QStringLiteral("render_ms")).toDouble() > 0);
    }

    void rendersContinuouslyOnDemandAndFollowsTheEmotion()
    {
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->addDemand(DemandSource::StreamViewers);
        const QImage first = nextFrame(*m_live, spy);
        QVERIFY(!first.isNull());
        QVERIFY(!nextFrame(*m_live, spy).isNull());
        QCOMPARE(m_live->setEmotion(QStringLiteral("surprise")), QStringLiteral("surprise"));
        QCOMPARE(m_live->setEmotion(QStringLiteral("no-such-feeling")), QStringLiteral("neutral"));
        QCOMPARE(m_live->setEmotion(QStringLiteral("anger")), QStringLiteral("anger"));
        QImage later;
        for (int i = 0; i < 6; ++i)
            later = nextFrame(*m_live, spy);
        QVERIFY(!later.isNull());
        QVERIFY(later != first); // the transition to anger (and idle motion) changes the picture
        QCOMPARE(m_live->status().value(QStringLiteral("emotion")).toString(), QStringLiteral("anger"));
        m_live->removeDemand(DemandSource::StreamViewers);
    }

    void demandReturningWhileAFrameIsUnacknowledgedResumes()
    {
        // A frame nobody acknowledges, demand off, demand on again: rendering must resume (after the
        // acknowledgement timeout at the latest) rather than wait forever for an acknowledgement.
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->addDemand(DemandSource::StreamViewers);
        QVERIFY(spy.wait(60000));
        m_live->removeDemand(DemandSource::StreamViewers);
        QTest::qWait(50);
        const int before = spy.count();
        m_live->addDemand(DemandSource::StreamViewers);
        QVERIFY2(QTest::qWaitFor([&] { return spy.count() > before; }, 60000), "rendering did not resume");
        m_live->removeDemand(DemandSource::StreamViewers);
        m_live->frameConsumed();
    }

    void settingsAreValidatedAndApplied()
    {
        BackendResult bad = m_live->loadAnimatorSettings(QJsonObject{{QStringLiteral("target_fps"), 0}});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.startsWith(QStringLiteral("target_fps")), qPrintable(bad.error));
        QCOMPARE(m_live->targetFps(), 25.0);

        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{{QStringLiteral("target_fps"), 10}, {QStringLiteral("crop_left"), 0.5},
                                                         {QStringLiteral("crop_right"), 0.5}})
                    .ok());
        QCOMPARE(m_live->targetFps(), 10.0);
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->addDemand(DemandSource::StreamViewers);
        const QImage cropped = nextFrame(*m_live, spy);
        m_live->removeDemand(DemandSource::StreamViewers);
        QVERIFY(cropped.width() < 512 && cropped.height() == 512);
        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{}).ok()); // {} = defaults
        QCOMPARE(m_live->targetFps(), 25.0);

        QVERIFY(!m_live->loadEmotionTemplates(QJsonObject{{QStringLiteral("joy"), QJsonObject{{QStringLiteral("bogus_index"), 1}}}}).ok());
        QVERIFY(m_live->loadEmotionTemplates(QJsonObject{}).ok());
    }

    // The animator settings' postprocessor_chain applies to every frame; a bad one is refused with the element and
    // field, and the frames go on as they were.
    void lookAppliesToFrames()
    {
        const auto maxAlpha = [](const QImage &frame, int parity) {
            int best = 0;
            for (int y = parity; y < frame.height(); y += 2)
                for (int x = 0; x < frame.width(); ++x)
                    best = std::max(best, int(frame.constScanLine(y)[4 * x + 3]));
            return best;
        };
        const QJsonArray bad{QJsonArray{QStringLiteral("translucency"), QJsonObject{{QStringLiteral("alpha"), 2}}}};
        const BackendResult refused = m_live->loadAnimatorSettings(QJsonObject{{QStringLiteral("postprocessor_chain"), bad}});
        QCOMPARE(refused.error, QStringLiteral("postprocessor_chain[0].alpha: expected a number in [0, 1], got 2"));
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->addDemand(DemandSource::StreamViewers);
        const QImage plain = nextFrame(*m_live, spy);
        QCOMPARE(maxAlpha(plain, 0), 255);

        const QJsonArray chain{QJsonArray{QStringLiteral("translucency"), QJsonObject{{QStringLiteral("alpha"), 0.5}}},
                               QJsonArray{QStringLiteral("scanlines"), QJsonObject{{QStringLiteral("dynamic"), false},
                                                                                    {QStringLiteral("channel"), QStringLiteral("A")}}}};
        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{{QStringLiteral("postprocessor_chain"), chain}}).ok());
        nextFrame(*m_live, spy); // may have been rendered before the settings arrived
        const QImage looked = nextFrame(*m_live, spy);
        m_live->removeDemand(DemandSource::StreamViewers);
        QCOMPARE(maxAlpha(looked, 0), 64);  // 255 × 0.5 × 0.5
        QCOMPARE(maxAlpha(looked, 1), 128); // 255 × 0.5
        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{}).ok());
    }

    // The pacing wait (here a second long) ends as soon as a new character arrives: the next frame already shows
    // it. It used to sleep to the end, whatever came (a tiny target_fps meant a 35-day sleep).
    void newCharacterCutsThePacingWaitShort()
    {
        const QImage a = importImageData(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")), QStringLiteral("a.png")).image;
        const QImage b = importImageData(readAll(QStringLiteral(THS_IMAGES_DIR "/crypko_00.png")), QStringLiteral("b.png")).image;
        QVERIFY(!a.isNull() && !b.isNull());
        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{{QStringLiteral("target_fps"), 1}}).ok());
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->setImage(a, true);
        m_live->addDemand(DemandSource::StreamViewers);
        nextFrame(*m_live, spy);
        const QImage ofA = nextFrame(*m_live, spy); // acknowledged: the render thread now paces towards 1 fps
        // Into that wait: 1 s from the start of the last render, minus the render itself.
        const double renderMs = m_live->status().value(QStringLiteral("render_ms")).toDouble();
        if (renderMs > 600) {
            m_live->removeDemand(DemandSource::StreamViewers);
            QVERIFY(m_live->loadAnimatorSettings(QJsonObject{}).ok());
            QSKIP("a render takes over 0.6 s here: too little of the second is left to land in the wait");
        }
        QTest::qWait(100);
        m_live->setImage(b, true);
        const QImage next = nextFrame(*m_live, spy);
        const QImage ofB = nextFrame(*m_live, spy);
        m_live->removeDemand(DemandSource::StreamViewers);
        QVERIFY(m_live->loadAnimatorSettings(QJsonObject{}).ok());
        QVERIFY(!ofA.isNull() && !next.isNull() && !ofB.isNull());
        const int toA = alphaMismatch(next, ofA), toB = alphaMismatch(next, ofB);
        QVERIFY2(toB < toA, qPrintable(QStringLiteral("the frame after the switch differs from the new character by %1 "
                                                      "pixels, from the old one by %2").arg(toB).arg(toA)));
    }

    // Speech drives the mouth for the length of the clip: sampled on the animator while nothing renders.
    void speechMovesTheMouth()
    {
        auto maxMouth = [&](double seconds) {
            float best = 0;
            QElapsedTimer timer;
            timer.start();
            while (timer.elapsed() < seconds * 1000) {
                const Pose p = m_live->animator().nextFrame();
                for (const char *name : {"mouth_aaa_index", "mouth_iii_index", "mouth_uuu_index", "mouth_eee_index", "mouth_ooo_index"})
                    best = std::max(best, p.value(QString::fromLatin1(name)));
                QTest::qWait(10);
            }
            return best;
        };
        QCOMPARE(maxMouth(0.3), 0.0f); // neutral, not talking: closed

        auto bad = m_live->speak(QStringLiteral("Hello"), QStringLiteral("no-such-voice"), std::nullopt);
        bad.waitForFinished();
        QVERIFY(!bad.result().error.isEmpty());
        QVERIFY(bad.result().wav.isEmpty());

        auto speech = m_live->speak(QStringLiteral("Hello there, how are you today?"), QStringLiteral("en"), std::nullopt);
        speech.waitForFinished();
        QVERIFY2(speech.result().error.isEmpty(), qPrintable(speech.result().error));
        QVERIFY(speech.result().wav.startsWith("RIFF"));
        QVERIFY(speech.result().seconds > 0.5);
        QVERIFY(maxMouth(speech.result().seconds) > 0.3);
        QTest::qWait(300);
        QCOMPARE(maxMouth(0.3), 0.0f); // the clip is over: closed again

        // The same audio through the audio path, starting 0.5 s from now.
        auto junk = m_live->lipSync(QByteArray("not audio at all"), QStringLiteral("junk.wav"), std::nullopt);
        junk.waitForFinished();
        QVERIFY2(junk.result().error.contains(QStringLiteral("junk.wav")), qPrintable(junk.result().error));
        auto audio = m_live->lipSync(speech.result().wav, QStringLiteral("hello.wav"), QDateTime::currentMSecsSinceEpoch() + 500);
        audio.waitForFinished();
        QVERIFY2(audio.result().ok(), qPrintable(audio.result().error));
        QVERIFY(maxMouth(speech.result().seconds + 0.5) > 0.3);
    }

    // Speech runs on its own worker, one request at a time, and a newer request supersedes one still computing:
    // abandoned long texts neither delay a load (they used to hold the global pool's threads for minutes) nor
    // keep computing.
    // A synthesis whose client went away stops (the server sets the flag when the connection closes).
    void speechStopsWhenTheClientGoesAway()
    {
        QString text;
        while (text.size() < 200000)
            text += QStringLiteral("A long text that nobody will wait for, spoken again and again. ");
        auto gone = std::make_shared<std::atomic<bool>>(false);
        QFuture<SpeechAudio> speech = m_live->speak(text, QStringLiteral("en"), std::nullopt, gone);
        QTest::qWait(300);
        QVERIFY(!speech.isFinished());
        gone->store(true);
        QVERIFY2(QTest::qWaitFor([&] { return speech.isFinished(); }, 30000), "an abandoned synthesis kept computing");
        QCOMPARE(speech.result().status, 409);
        QCOMPARE(speech.result().error, QStringLiteral("cancelled: the client went away"));
    }

    void speechNeverBlocksLoadAndIsSuperseded()
    {
        QString text;
        while (text.size() < 200000)
            text += QStringLiteral("A long text that nobody will wait for, spoken again and again. ");
        QFuture<SpeechAudio> first = m_live->speak(text, QStringLiteral("en"), std::nullopt);
        QFuture<SpeechAudio> second = m_live->speak(text, QStringLiteral("en"), std::nullopt);
        QTest::qWait(300);
        auto loaded = m_live->loadImage(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")), QStringLiteral("lambda_00.png"));
        QVERIFY2(QTest::qWaitFor([&] { return loaded.isFinished(); }, 30000), "load waited for speech");
        QVERIFY(loaded.result().ok);
        QVERIFY2(QTest::qWaitFor([&] { return first.isFinished(); }, 30000), "a superseded synthesis kept computing");
        QCOMPARE(first.result().status, 409);
        QCOMPARE(first.result().error, QStringLiteral("superseded by a newer speak or lipsync request"));
        m_live->cancelSpeech(); // what serve does on SIGTERM
        QVERIFY2(QTest::qWaitFor([&] { return second.isFinished(); }, 30000), "a cancelled synthesis kept computing");
        QCOMPARE(second.result().status, 409);
        // A new request works.
        auto hello = m_live->speak(QStringLiteral("Hello."), QStringLiteral("en"), std::nullopt);
        hello.waitForFinished();
        QVERIFY2(hello.result().error.isEmpty(), qPrintable(hello.result().error));
    }

    // A lip-sync upload longer than the limit is refused with 413 before it is decoded in full.
    void lipSyncLengthLimit()
    {
        auto speech = m_live->speak(QStringLiteral("Hello there, how are you today?"), QStringLiteral("en"), std::nullopt);
        speech.waitForFinished();
        QVERIFY(speech.result().seconds > 1);
        m_live->setMaxAudioSeconds(0.5);
        auto synced = m_live->lipSync(speech.result().wav, QStringLiteral("hello.wav"), std::nullopt);
        synced.waitForFinished();
        m_live->setMaxAudioSeconds(600);
        QCOMPARE(synced.result().status, 413);
        QCOMPARE(synced.result().error, QStringLiteral("file: \"hello.wav\" is longer than the limit of 0.5 s (--max-audio-seconds)"));
    }

    // status() answers from figures copied after each frame: it never waits for a render in progress (GET status
    // blocked the HTTP thread for up to a whole render).
    void statusNeverWaitsForARender()
    {
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        const auto poser = std::make_shared<Poser>(options);
        LiveCharacter live(poser, QStringLiteral("separable_float"));
        const QImage image = importImageData(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")),
                                             QStringLiteral("lambda_00.png")).image;
        QVERIFY(!image.isNull());
        QElapsedTimer timer;
        timer.start();
        poser->render(image, Pose()); // warm up: the next render is a steady one
        const qint64 renderMs = timer.elapsed();
        std::atomic<bool> started{false}, finished{false};
        QFuture<void> rendering = QtConcurrent::run([&] {
            started = true;
            poser->render(image, Pose());
            finished = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return started.load(); }, 10000));
        QThread::msleep(2); // into the render (whose lock status() must not take)
        const QJsonObject status = live.status();
        const bool renderStillRunning = !finished;
        rendering.waitForFinished();
        qInfo("a render takes %lld ms", renderMs);
        QVERIFY2(renderStillRunning, "status() waited for the render to finish");
        QCOMPARE(status.value(QStringLiteral("model")).toString(), QStringLiteral("separable_float"));
    }

    // The studio shares one poser between the live character, its preview and the exporter: whatever image the
    // others set, the live character renders its own.
    void sharedPoserKeepsItsOwnCharacter()
    {
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        auto poser = std::make_shared<Poser>(options);
        const ImportedImage lambda = importImageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        QVERIFY(lambda.report.ok());
        LiveCharacter live(poser, QStringLiteral("separable_float"));
        QCOMPARE(poser.use_count(), 2);
        QSignalSpy spy(&live, &TalkingheadBackend::frameRendered);
        live.setImage(lambda.image);
        const QImage own = nextFrame(live, spy);
        QVERIFY(!own.isNull());

        QImage shifted(512, 512, QImage::Format_ARGB32);
        shifted.fill(Qt::transparent);
        QPainter(&shifted).drawImage(QPoint(120, 0), lambda.image);
        poser->setImage(shifted);
        const QImage other = poser->render(Pose());

        live.setEmotion(QStringLiteral("neutral")); // asks for one more frame
        const QImage again = nextFrame(live, spy);
        QVERIFY(!again.isNull());
        const int sameCharacter = alphaMismatch(again, own), otherCharacter = alphaMismatch(again, other);
        QVERIFY2(sameCharacter * 4 < otherCharacter,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sameCharacter).arg(otherCharacter)));
    }

    void unloadPauses()
    {
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        m_live->addDemand(DemandSource::StreamViewers);
        QVERIFY(!nextFrame(*m_live, spy).isNull());
        m_live->unload();
        QTest::qWait(200);
        const int after = spy.count();
        QTest::qWait(2500);
        QVERIFY(spy.count() <= after + 1);
        QCOMPARE(m_live->status().value(QStringLiteral("paused")).toBool(), true);
        m_live->removeDemand(DemandSource::StreamViewers);
    }

    // The studio replaces its live character on every engine reload, while the server or the speech panel may have
    // a speak/lipsync/load still running on a worker: those must not touch the deleted character. Freed memory is
    // scribbled over (M_PERTURB), so a worker that still used it would crash here.
    void workersOutliveTheCharacter()
    {
        mallopt(M_PERTURB, 0xa5);
        auto speech = m_live->speak(QStringLiteral("Hello there, how are you today?"), QStringLiteral("en"), std::nullopt);
        speech.waitForFinished();
        QVERIFY2(speech.result().error.isEmpty(), qPrintable(speech.result().error));
        const QByteArray wav = speech.result().wav;
        const QByteArray png = readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        const auto poser = std::make_shared<Poser>(options);
        for (int round = 0; round < 5; ++round) {
            auto live = std::make_unique<LiveCharacter>(poser, QStringLiteral("separable_float"));
            QFuture<SpeechAudio> said = live->speak(QStringLiteral("Hello there, how are you today?"), QStringLiteral("en"), std::nullopt);
            QFuture<BackendResult> synced = live->lipSync(wav, QStringLiteral("hello.wav"), std::nullopt);
            QFuture<LoadImageResult> loaded = live->loadImage(png, QStringLiteral("lambda_00.png"));
            live.reset();
            // Other allocations take the freed memory meanwhile.
            std::vector<std::unique_ptr<char[]>> noise;
            for (int i = 0; i < 200; ++i) {
                noise.emplace_back(new char[size_t(64 + 97 * i)]);
                std::memset(noise.back().get(), 0x5a, size_t(64 + 97 * i));
            }
            said.waitForFinished();
            synced.waitForFinished();
            loaded.waitForFinished();
            // The lip-sync supersedes the speech unless the speech was done first.
            QVERIFY2(said.result().error.isEmpty() || said.result().status == 409, qPrintable(said.result().error));
            QVERIFY2(synced.result().ok(), qPrintable(synced.result().error));
            QVERIFY(loaded.result().ok);
        }
        mallopt(M_PERTURB, 0);
    }
    // A render that fails with anything libtorch throws (here: out of memory) pauses the character with the error
    // in status(), instead of ending the program; the next load resumes.
    void aFailingRenderPausesWithTheError()
    {
        QSignalSpy spy(m_live.get(), &TalkingheadBackend::frameRendered);
        auto loaded = m_live->loadImage(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")), QStringLiteral("lambda_00.png"));
        loaded.waitForFinished();
        QVERIFY(loaded.result().ok);
        QVERIFY(!nextFrame(*m_live, spy).isNull());
        {
            AddressSpaceCap cap(4 << 20);
            QVERIFY(cap.active());
            m_live->setEmotion(QStringLiteral("joy")); // one more frame
            QTRY_VERIFY_WITH_TIMEOUT(m_live->status().value(QStringLiteral("paused")).toBool(), 60000);
        }
        QVERIFY(!m_live->status().value(QStringLiteral("error")).toString().isEmpty());
        loaded = m_live->loadImage(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")), QStringLiteral("lambda_00.png"));
        loaded.waitForFinished();
        QVERIFY(!nextFrame(*m_live, spy).isNull());
        QVERIFY(m_live->status().value(QStringLiteral("error")).isNull());

        // Paused by a failure again, then other weights (the studio's engine reload): they get their chance at once.
        {
            AddressSpaceCap cap(4 << 20);
            QVERIFY(cap.active());
            m_live->setEmotion(QStringLiteral("anger"));
            QTRY_VERIFY_WITH_TIMEOUT(m_live->status().value(QStringLiteral("paused")).toBool(), 60000);
        }
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_live->setPoser(std::make_shared<Poser>(options), QStringLiteral("separable_float"));
        QVERIFY(!nextFrame(*m_live, spy).isNull());
        QVERIFY(!m_live->status().value(QStringLiteral("paused")).toBool());
        QVERIFY(m_live->status().value(QStringLiteral("error")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestLiveCharacter)
#include "test_live_character.moc"
