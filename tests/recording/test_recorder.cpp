// SPDX-License-Identifier: GPL-3.0-or-later
// The recorder with the real networks: a spoken clip decoded back (frames, size, alpha, audio length), the mouth
// moving in the frames with speech (against the same animation recorded silent), the look applied, and a
// cancelled recording leaving nothing.
#include "engine/poser.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/viseme_mapper.h"
#include "recording/recorder.h"
#include "support/real_weights.h"
#include "video_decoder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ths;

namespace {

constexpr int kFps = 8;

// The largest mean absolute difference (RGB, 0–255) over 8×8 blocks of opaque pixels: a local change such as a
// mouth opening. (Colour under transparent pixels means nothing, and 4:2:0 smears it along the outline.)
double largestBlockChange(const QImage &a, const QImage &b)
{
    constexpr int kBlock = 8;
    double worst = 0;
    for (int by = 0; by + kBlock <= a.height(); by += kBlock)
        for (int bx = 0; bx + kBlock <= a.width(); bx += kBlock) {
            double sum = 0;
            bool opaque = true;
            for (int y = by; y < by + kBlock && opaque; ++y) {
                const uchar *p = a.constScanLine(y), *q = b.constScanLine(y);
                for (int x = bx; x < bx + kBlock; ++x) {
                    opaque = opaque && p[4 * x + 3] > 250 && q[4 * x + 3] > 250;
                    for (int c = 0; c < 3; ++c)
                        sum += std::abs(int(p[4 * x + c]) - int(q[4 * x + c]));
                }
            }
            if (opaque)
                worst = std::max(worst, sum / (kBlock * kBlock * 3));
        }
    return worst;
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

    std::unique_ptr<Poser> m_poser;
    QImage m_character;
    QTemporaryDir m_dir;

    RecordingRequest request(const QString &output) const
    {
        RecordingRequest r;
        r.character = m_character;
        r.fps = kFps;
        r.output = m_dir.filePath(output);
        r.seed = 5;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_poser = std::make_unique<Poser>(options);
        QString error;
        m_character = QImage(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")).convertToFormat(QImage::Format_RGBA8888);
        QVERIFY(!m_character.isNull());
    }

    void speechIsMuxedAndMovesTheMouth()
    {
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(QStringLiteral("Hello there."), QStringLiteral("en"), &error);
        QVERIFY2(speech, qPrintable(error));
        RecordingRequest spoken = request(QStringLiteral("spoken.webm"));
        spoken.audio = speech->audio;
        spoken.mouth = VisemeMapper::map(speech->phonemes, qint64(speech->audio.samples.size()), speech->audio.sampleRate);
        spoken.duration = speech->audio.duration() + 0.25;
        int lastProgress = 0;
        QVERIFY2(Recorder::record(*m_poser, spoken, [&](int done, int total) {
            lastProgress = done;
            return total == Recorder::frameCount(spoken);
        }, &error), qPrintable(error));
        const int frames = Recorder::frameCount(spoken);
        QCOMPARE(lastProgress, frames);

        RecordingRequest silent = request(QStringLiteral("silent"));
        silent.duration = spoken.duration;
        QVERIFY2(Recorder::record(*m_poser, silent, {}, &error), qPrintable(error));

        const auto video = test::decodeVideo(m_dir.filePath(QStringLiteral("spoken.webm")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(int(video.frames.size()), frames);
        QCOMPARE(video.frames[0].size(), QSize(512, 512));
        QVERIFY(video.alpha);
        QVERIFY(video.frames[0].pixelColor(2, 2).alpha() < 16);   // the corner is transparent
        QVERIFY(video.frames[0].pixelColor(256, 300).alpha() > 240); // the character is not
        QVERIFY2(std::abs(video.audioSeconds - speech->audio.duration()) < 0.05,
                 qPrintable(QStringLiteral("%1 against %2").arg(video.audioSeconds).arg(speech->audio.duration())));

        // Same seed, same animation: the frames differ where the mouth speaks, and only there (the rest is the
        // encoder's loss, a few levels).
        int moving = 0;
        for (int i = 0; i < frames; ++i) {
            const QImage still(m_dir.filePath(QStringLiteral("silent/frame_%1.png").arg(i, 6, 10, QLatin1Char('0'))));
            const double change = largestBlockChange(video.frames[size_t(i)], still.convertToFormat(QImage::Format_RGBA8888));
            const double t = double(i) / kFps;
            if (t > speech->audio.duration() + 0.2)
                QVERIFY2(change < 12, qPrintable(QStringLiteral("frame %1 after the speech: %2").arg(i).arg(change)));
            moving += change >= 15; // measured: 20–30 while speaking, 7–12 at rest

        }
        QVERIFY2(moving >= 3, qPrintable(QStringLiteral("%1 of %2 frames show the mouth moving").arg(moving).arg(frames)));
    }

    void theLookIsRecorded()
    {
        RecordingRequest r = request(QStringLiteral("look"));
        r.duration = 2.0 / kFps;
        QString error;
        const auto settings = AnimatorSettings::fromJson(QJsonDocument::fromJson(R"({"crop_left": 0.5, "postprocessor_chain":
            [["translucency", {"alpha": 0.5}], ["scanlines", {"dynamic": false, "channel": "A"}]]})").object(), &error);
        QVERIFY2(settings, qPrintable(error));
        r.settings = *settings;
        QVERIFY2(Recorder::record(*m_poser, r, {}, &error), qPrintable(error));
        const QImage frame(m_dir.filePath(QStringLiteral("look/frame_000001.png")));
        QCOMPARE(frame.size(), QSize(384, 512)); // a quarter cropped off on the left
        int even = 0, odd = 0;
        for (int x = 0; x < frame.width(); ++x) {
            even = std::max(even, frame.pixelColor(x, 300).alpha());
            odd = std::max(odd, frame.pixelColor(x, 301).alpha());
        }
        QCOMPARE(even, 64);
        QCOMPARE(odd, 128);
    }

    void cancellingLeavesNothing()
    {
        RecordingRequest r = request(QStringLiteral("cancelled.mp4"));
        r.duration = 1.0;
        QString error;
        QVERIFY(!Recorder::record(*m_poser, r, [](int done, int) { return done < 2; }, &error));
        QCOMPARE(error, QStringLiteral("cancelled"));
        const QStringList left = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY2(!left.join(' ').contains(QStringLiteral("cancelled")), qPrintable(left.join(' ')));
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "test_recorder.moc"
