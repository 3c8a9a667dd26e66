// SPDX-License-Identifier: GPL-3.0-or-later
// The speech panel's controller with the real parts: espeak-ng speech and WAV files made by it, decoded with
// Qt Multimedia, drawn as waveform + mouth timeline, played (silently where there is no audio device, as on the
// build machine — with a message) while a LiveCharacter on the real networks moves its mouth.

#include "animation/animator.h"
#include "engine/poser.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/wav_writer.h"
#include "live/live_character.h"
#include "studio/speech_controller.h"
#include "support/real_weights.h"

#include <QElapsedTimer>
#include <QFile>
#include <QAudioDevice>
#include <QMediaDevices>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

double maxOf(const QVariantList &values)
{
    double best = 0;
    for (const QVariant &v : values)
        best = std::max(best, v.toDouble());
    return best;
}

// The widest the character's mouth opens (largest of the five vowel morphs) while `running()` holds, sampled
// on the animator the way the render thread does (nothing renders: no image, no demand).
float maxMouthWhile(LiveCharacter &live, const std::function<bool()> &running, int timeoutMs = 20000)
{
    float best = 0;
    QElapsedTimer timer;
    timer.start();
    while (running() && timer.elapsed() < timeoutMs) {
        const Pose p = live.animator().nextFrame();
        for (const char *name : {"mouth_aaa_index", "mouth_iii_index", "mouth_uuu_index", "mouth_eee_index", "mouth_ooo_index"})
            best = std::max(best, p.value(QString::fromLatin1(name)));
        QTest::qWait(10);
    }
    return best;
}

} // namespace

class TestSpeechController : public QObject
{
    Q_OBJECT

    std::unique_ptr<LiveCharacter> m_live;
    QTemporaryDir m_dir;
    bool m_noDevice = true;

    // Waits until a speak()/playFile() has prepared its clip (or failed).
    static bool prepared(SpeechController &c) { return QTest::qWaitFor([&] { return !c.busy(); }, 60000); }

    void checkClip(const SpeechController &c)
    {
        QVERIFY(c.duration() > 0.2);
        const int frames = int(c.waveform().size());
        QCOMPARE(int(c.mouthOpenness().size()), frames);
        QCOMPARE(int(c.mouthVowels().size()), frames);
        // One entry per 10 ms covering the clip.
        QVERIFY2(std::abs(frames * SpeechController::kFrameSeconds - c.duration()) <= 0.02,
                 qPrintable(QStringLiteral("%1 frames for %2 s").arg(frames).arg(c.duration())));
        QVERIFY(maxOf(c.waveform()) > 0.05);
        QVERIFY(maxOf(c.waveform()) <= 1.0);
        QVERIFY(maxOf(c.mouthOpenness()) > 0.2);
        QVERIFY(maxOf(c.mouthOpenness()) <= 1.0);
        QStringList letters;
        for (const QVariant &v : c.mouthVowels())
            letters.append(v.toString());
        QVERIFY(letters.contains(QString())); // closed at the ends
        letters.removeAll(QString());
        QVERIFY(!letters.isEmpty());
        for (const QString &l : letters)
            QVERIFY2(QStringList({"a", "i", "u", "e", "o"}).contains(l), qPrintable(l));
    }

    void checkPlaybackMessage(const SpeechController &c)
    {
        if (m_noDevice)
            QVERIFY2(c.error().startsWith(QStringLiteral("No audio output device")), qPrintable(c.error()));
        QVERIFY(c.playing());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ths-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_speech_controller"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_noDevice = QMediaDevices::audioOutputs().isEmpty();
        qInfo("audio output devices: %d", int(QMediaDevices::audioOutputs().size()));
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_live = std::make_unique<LiveCharacter>(std::make_unique<Poser>(options), QStringLiteral("separable_float"));
    }
    void cleanupTestCase() { QSettings().clear(); }

    void voices()
    {
        const SpeechController c(false);
        QVERIFY(c.voices().size() >= 3);
        QCOMPARE(c.voices().mid(0, 3), QStringList({QStringLiteral("en"), QStringLiteral("cmn"), QStringLiteral("ja")}));
        QCOMPARE(c.voice(), QStringLiteral("en"));
    }

    void speakDrawsAndPlays()
    {
        SpeechController c(false);
        QSignalSpy clip(&c, &SpeechController::clipChanged);
        QSignalSpy started(&c, &SpeechController::started);
        QSignalSpy finished(&c, &SpeechController::finished);
        c.speak(QStringLiteral("Hello"));
        QVERIFY(c.busy()); // the synthesis runs on a worker
        QVERIFY(prepared(c));
        QVERIFY2(!c.error().startsWith(QStringLiteral("Cannot")), qPrintable(c.error()));
        QCOMPARE(clip.count(), 1);
        checkClip(c);
        QVERIFY(QTest::qWaitFor([&] { return started.count() == 1; }, 10000));
        checkPlaybackMessage(c);
        QVERIFY(QTest::qWaitFor([&] { return c.position() > 0; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!c.playing());
    }

    void speakMovesTheMouth()
    {
        if (!m_live)
            QSKIP("no live character");
        QCOMPARE(maxMouthWhile(*m_live, [t = QDeadlineTimer(300)] { return !t.hasExpired(); }), 0.0f); // closed

        SpeechController c(false);
        c.setLiveCharacter(m_live.get());
        c.speak(QStringLiteral("Hello there, how are you today?"));
        QVERIFY(prepared(c));
        QVERIFY(QTest::qWaitFor([&] { return c.playing(); }, 10000));
        checkPlaybackMessage(c);
        const float open = maxMouthWhile(*m_live, [&] { return c.playing(); });
        QVERIFY2(open > 0.2f, qPrintable(QString::number(open)));
    }

    void languages_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::newRow("cmn") << QStringLiteral("cmn") << QStringLiteral("你好，今天天气很好。");
        QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("こんにちは、元気ですか。");
    }
    void languages()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        SpeechController c(false);
        c.setVoice(voice);
        c.speak(text);
        QVERIFY(prepared(c));
        QVERIFY2(!c.error().startsWith(QStringLiteral("Cannot")), qPrintable(c.error()));
        checkClip(c);
        c.stop();
    }

    void speechErrors()
    {
        SpeechController c(false);
        c.speak(QStringLiteral("   "));
        QVERIFY(!c.error().isEmpty());
        QVERIFY(!c.busy());

        c.setVoice(QStringLiteral("no-such-voice"));
        c.speak(QStringLiteral("Hello"));
        QVERIFY(prepared(c));
        QVERIFY2(c.error().contains(QStringLiteral("no-such-voice")), qPrintable(c.error()));
        QVERIFY(!c.playing());
        QVERIFY(c.waveform().isEmpty());

        // A good request afterwards works and clears the error.
        c.setVoice(QStringLiteral("en"));
        c.speak(QStringLiteral("Hi"));
        QVERIFY(prepared(c));
        QVERIFY(!c.error().startsWith(QStringLiteral("Cannot")));
        QVERIFY(!c.waveform().isEmpty());
        c.stop();
    }

    void playFileOfSynthesizedSpeech()
    {
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(QStringLiteral("Good morning, everyone."), QStringLiteral("en"), &error);
        QVERIFY2(speech, qPrintable(error));
        const QString wav = m_dir.filePath(QStringLiteral("morning.wav"));
        QVERIFY2(WavWriter::write(wav, speech->audio, &error), qPrintable(error));

        SpeechController c(false);
        if (m_live)
            c.setLiveCharacter(m_live.get());
        QSignalSpy finished(&c, &SpeechController::finished);
        c.playFile(QUrl::fromLocalFile(wav));
        QVERIFY(prepared(c));
        QVERIFY2(!c.error().startsWith(QStringLiteral("Cannot")), qPrintable(c.error()));
        checkClip(c);
        QVERIFY(std::abs(c.duration() - speech->audio.duration()) < 0.02);
        QVERIFY(QTest::qWaitFor([&] { return c.playing(); }, 10000));
        checkPlaybackMessage(c);
        if (m_live) {
            const float open = maxMouthWhile(*m_live, [&] { return c.playing(); });
            QVERIFY2(open > 0.1f, qPrintable(QString::number(open)));
        }
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 30000));
    }

    void playFileErrors()
    {
        SpeechController c(false);
        c.playFile(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("missing.wav"))));
        QVERIFY(prepared(c));
        QVERIFY2(c.error().contains(QStringLiteral("missing.wav")), qPrintable(c.error()));
        QVERIFY(!c.playing());

        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.wav"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("RIFF\x10\x00\x00\x00WAVEjunk", 16) + QByteArray(3000, '\x7f'));
        f.close();
        c.playFile(QUrl::fromLocalFile(corrupt));
        QVERIFY(prepared(c));
        QVERIFY2(c.error().startsWith(QStringLiteral("Cannot play")), qPrintable(c.error()));
        QVERIFY(!c.playing());

        c.playFile(QUrl(QStringLiteral("https://example.com/a.wav")));
        QVERIFY(!c.error().isEmpty());
        QVERIFY(!c.busy());
    }

    void stopCutsPlaybackShort()
    {
        SpeechController c(false);
        if (m_live)
            c.setLiveCharacter(m_live.get());
        QSignalSpy finished(&c, &SpeechController::finished);
        c.speak(QStringLiteral("This sentence is long enough to be interrupted in the middle of it."));
        QVERIFY(prepared(c));
        QVERIFY(QTest::qWaitFor([&] { return c.playing(); }, 10000));
        c.stop();
        QVERIFY(!c.playing());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(c.position(), 0.0);
        if (m_live) { // the mouth was handed back: it closes (the animator shuts it within a few frames)
            maxMouthWhile(*m_live, [t = QDeadlineTimer(1000)] { return !t.hasExpired(); });
            QCOMPARE(maxMouthWhile(*m_live, [t = QDeadlineTimer(300)] { return !t.hasExpired(); }), 0.0f);
        }
        // A stop while preparing drops the result.
        c.speak(QStringLiteral("Never heard."));
        c.stop();
        QTest::qWait(500);
        QVERIFY(!c.playing());
        QVERIFY(!c.busy());
    }

    void settingsArePersisted()
    {
        {
            SpeechController c;
            c.setVoice(QStringLiteral("ja"));
            c.setAvOffsetMs(120);
            c.setAvOffsetMs(99999);
            QCOMPARE(c.avOffsetMs(), 2000); // clamped
            c.setAvOffsetMs(-80);
        }
        const SpeechController again;
        QCOMPARE(again.voice(), QStringLiteral("ja"));
        QCOMPARE(again.avOffsetMs(), -80);
        const SpeechController transient(false);
        QCOMPARE(transient.avOffsetMs(), 0);
    }
};

QTEST_MAIN(TestSpeechController)
#include "test_speech_controller.moc"
