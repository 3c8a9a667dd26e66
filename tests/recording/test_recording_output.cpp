// SPDX-License-Identifier: GPL-3.0-or-later
// The three outputs, written from synthetic frames and decoded back with the same libraries: frame count, size,
// alpha, audio length; and that nothing appears under the final name until the recording is complete.
#include "recording/recording_output.h"
#include "video_decoder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ths;

namespace {

constexpr int kW = 63, kH = 48; // an odd width: padded to 64 for 4:2:0
constexpr int kFps = 10, kFrames = 12;

// Frame i: a colour ramp, the left half opaque, the right half transparent, and an opaque square that moves.
QImage syntheticFrame(int i)
{
    QImage image(kW, kH, QImage::Format_RGBA8888);
    for (int y = 0; y < kH; ++y) {
        uchar *row = image.scanLine(y);
        for (int x = 0; x < kW; ++x) {
            const bool square = x >= 2 * i && x < 2 * i + 8 && y >= 20 && y < 28;
            row[4 * x] = uchar(4 * x);
            row[4 * x + 1] = uchar(5 * y);
            row[4 * x + 2] = 160;
            row[4 * x + 3] = x < kW / 2 || square ? 255 : 0;
        }
    }
    return image;
}

PcmBuffer tone(double seconds)
{
    PcmBuffer pcm;
    pcm.sampleRate = 22050;
    pcm.samples.resize(size_t(seconds * pcm.sampleRate));
    for (size_t i = 0; i < pcm.samples.size(); ++i)
        pcm.samples[i] = 0.3f * float(std::sin(2 * M_PI * 440 * double(i) / pcm.sampleRate));
    return pcm;
}

bool writeAll(const QString &path, const PcmBuffer &audio, QString *error, const QColor &background = Qt::black)
{
    auto out = RecordingOutput::open(path, kW, kH, kFps, background, audio, error);
    if (!out)
        return false;
    for (int i = 0; i < kFrames; ++i)
        if (!out->addFrame(syntheticFrame(i), error))
            return false;
    return out->commit(error);
}

int alphaAt(const QImage &image, int x, int y)
{
    return image.constScanLine(y)[4 * x + 3];
}

} // namespace

class TestRecordingOutput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Only the finished outputs, no temporary files, are left in the folder.
    void onlyFinalNames(const QStringList &expected)
    {
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name), expected);
    }

private Q_SLOTS:
    void webmKeepsAlphaAndAudio()
    {
        QString error;
        QVERIFY2(writeAll(path("clip.webm"), tone(1.0), &error), qPrintable(error));
        const auto video = test::decodeVideo(path("clip.webm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(video.videoCodec, QStringLiteral("vp9"));
        QCOMPARE(video.audioCodec, QStringLiteral("opus"));
        QCOMPARE(int(video.frames.size()), kFrames);
        QCOMPARE(video.frames[0].size(), QSize(64, 48));
        QVERIFY(video.alpha);
        for (int i : {0, 5, 11}) {
            const QImage &f = video.frames[size_t(i)];
            QVERIFY(alphaAt(f, 5, 5) > 240);    // opaque half
            QVERIFY(alphaAt(f, 55, 5) < 15);    // transparent half
            QVERIFY(alphaAt(f, 63, 40) < 15);   // the padding column
            if (2 * i + 4 > kW / 2)
                QVERIFY(alphaAt(f, 2 * i + 4, 24) > 200); // the moving square where it is over transparency
        }
        QVERIFY2(std::abs(video.audioSeconds - 1.0) < 0.04, qPrintable(QString::number(video.audioSeconds)));
    }

    void mp4IsOpaqueOnTheBackground()
    {
        QString error;
        QVERIFY2(writeAll(path("clip.mp4"), tone(0.8), &error, QColor(0, 200, 0)), qPrintable(error));
        const auto video = test::decodeVideo(path("clip.mp4"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(video.videoCodec, QStringLiteral("h264"));
        QCOMPARE(video.audioCodec, QStringLiteral("aac"));
        QCOMPARE(int(video.frames.size()), kFrames);
        QCOMPARE(video.frames[0].size(), QSize(64, 48));
        QVERIFY(!video.alpha);
        const QColor behind = video.frames[3].pixelColor(55, 10); // transparent there: the background shows
        QVERIFY2(behind.green() > 180 && behind.red() < 30 && behind.blue() < 30, qPrintable(behind.name()));
        QVERIFY2(std::abs(video.audioSeconds - 0.8) < 0.06, qPrintable(QString::number(video.audioSeconds)));
    }

    void pngSequenceIsExact()
    {
        QString error;
        QVERIFY2(writeAll(path("frames"), tone(0.5), &error), qPrintable(error));
        const QDir dir(path("frames"));
        QCOMPARE(dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files).size(), kFrames);
        QVERIFY(dir.exists(QStringLiteral("speech.wav")));
        const QImage seventh(dir.filePath(QStringLiteral("frame_000007.png")));
        QCOMPARE(seventh.convertToFormat(QImage::Format_RGBA8888), syntheticFrame(7));
        // A PNG sequence never merges into an existing folder.
        QVERIFY(!RecordingOutput::open(path("frames"), kW, kH, kFps, Qt::black, {}, &error));
        QVERIFY2(error.endsWith(QStringLiteral("already exists; PNG frames go into a new (or empty) directory")), qPrintable(error));
    }

    void anUnfinishedRecordingLeavesNothing()
    {
        onlyFinalNames({"clip.mp4", "clip.webm", "frames"});
        const QByteArray before = [&] { QFile f(path("clip.webm")); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        for (const char *name : {"clip.webm", "other.mp4", "more"}) {
            QString error;
            auto out = RecordingOutput::open(path(name), kW, kH, kFps, Qt::black, tone(0.3), &error);
            QVERIFY2(out, qPrintable(error));
            QVERIFY(out->addFrame(syntheticFrame(0), &error));
            out.reset(); // cancelled
        }
        onlyFinalNames({"clip.mp4", "clip.webm", "frames"});
        QFile f(path("clip.webm"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // the older recording is untouched
    }

    void badOutputsAreRefused()
    {
        QString error;
        QVERIFY(!RecordingOutput::open(path("clip.avi"), kW, kH, kFps, Qt::black, {}, &error));
        QVERIFY2(error.endsWith(QStringLiteral("expected a .webm or .mp4 file, or a directory (no extension) for PNG frames")), qPrintable(error));
        QVERIFY(!RecordingOutput::open(path("no/such/dir/clip.webm"), kW, kH, kFps, Qt::black, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRecordingOutput)
#include "test_recording_output.moc"
