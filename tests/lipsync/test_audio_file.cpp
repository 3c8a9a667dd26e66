// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding real files through Qt Multimedia, raw PCM, WAV writing and resampling.

#include "lipsync/audio_file.h"
#include "lipsync/resampler.h"
#include "lipsync/wav_writer.h"

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace ths;

namespace {

PcmBuffer tone(double hz, int rate, double seconds, float amplitude = 0.5f)
{
    PcmBuffer pcm;
    pcm.sampleRate = rate;
    const int n = int(std::lround(seconds * rate));
    for (int i = 0; i < n; ++i)
        pcm.samples.push_back(amplitude * float(std::sin(2.0 * std::numbers::pi * hz * i / rate)));
    return pcm;
}

// Frequency from upward zero crossings (ignoring the edges).
double frequency(const PcmBuffer &pcm)
{
    int crossings = 0;
    size_t first = 0, last = 0;
    for (size_t i = size_t(pcm.sampleRate / 10); i + 1 < pcm.samples.size() - size_t(pcm.sampleRate / 10); ++i)
        if (pcm.samples[i] <= 0.0f && pcm.samples[i + 1] > 0.0f) {
            if (crossings == 0)
                first = i;
            last = i;
            ++crossings;
        }
    return crossings > 1 ? (crossings - 1) * double(pcm.sampleRate) / double(last - first) : 0.0;
}

double rms(const std::vector<float> &v, size_t from, size_t to)
{
    double s = 0.0;
    for (size_t i = from; i < to; ++i)
        s += double(v[i]) * v[i];
    return std::sqrt(s / double(to - from));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestAudioFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // WAV written by WavWriter decodes back to the same samples (16-bit quantisation aside).
    void wavRoundTrip()
    {
        const PcmBuffer original = tone(440.0, 22050, 0.5);
        QString error;
        QVERIFY2(WavWriter::write(path("tone.wav"), original, &error), qPrintable(error));
        QCOMPARE(QFileInfo(path("tone.wav")).size(), qint64(44 + 2 * original.samples.size()));
        const auto decoded = AudioFile::decode(path("tone.wav"), 0, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->sampleRate, 22050);
        QCOMPARE(decoded->samples.size(), original.samples.size());
        for (size_t i = 0; i < original.samples.size(); ++i)
            QVERIFY(std::abs(decoded->samples[i] - original.samples[i]) < 2.0f / 32768.0f);
    }

    // Untrusted uploads: decoding stops at the duration limit (saying so) or when cancelled, well before the end.
    void decodeLimits()
    {
        const PcmBuffer long_ = tone(440.0, 22050, 6.0);
        QString error;
        QVERIFY2(WavWriter::write(path("long.wav"), long_, &error), qPrintable(error));
        bool overLimit = false;
        QVERIFY(!AudioFile::decode(path("long.wav"), 0, &error, AudioFile::kDefaultTimeoutMs, {2.0, {}}, &overLimit));
        QVERIFY(overLimit);
        QVERIFY2(error.endsWith(QStringLiteral("the audio is longer than the limit of 2 s")), qPrintable(error));
        const auto within = AudioFile::decode(path("long.wav"), 0, &error, AudioFile::kDefaultTimeoutMs, {10.0, {}}, &overLimit);
        QVERIFY2(within, qPrintable(error));
        QVERIFY(!overLimit);
        QCOMPARE(within->samples.size(), long_.samples.size());
        int polls = 0;
        QVERIFY(!AudioFile::decode(path("long.wav"), 0, &error, AudioFile::kDefaultTimeoutMs,
                                   {0, [&] { return ++polls >= 1; }}, &overLimit));
        QVERIFY(!overLimit);
        QVERIFY2(error.endsWith(QStringLiteral("decoding was cancelled")), qPrintable(error));
        QCOMPARE(polls, 1);
    }

    // Decoding to another rate keeps duration, pitch and level.
    void decodeResamples_data()
    {
        QTest::addColumn<int>("fileRate");
        QTest::addColumn<int>("wantedRate");
        QTest::newRow("22050 → 16000") << 22050 << 16000;
        QTest::newRow("16000 → 44100") << 16000 << 44100;
        QTest::newRow("48000 → 10000") << 48000 << 10000;
    }
    void decodeResamples()
    {
        QFETCH(int, fileRate);
        QFETCH(int, wantedRate);
        const PcmBuffer original = tone(440.0, fileRate, 1.0);
        QString error;
        QVERIFY(WavWriter::write(path("rate.wav"), original, &error));
        const auto decoded = AudioFile::decode(path("rate.wav"), wantedRate, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->sampleRate, wantedRate);
        QCOMPARE(qint64(decoded->samples.size()), qint64(wantedRate)); // 1 s
        QVERIFY2(std::abs(frequency(*decoded) - 440.0) < 1.0, qPrintable(QString::number(frequency(*decoded))));
        const double level = rms(decoded->samples, decoded->samples.size() / 4, decoded->samples.size() * 3 / 4);
        QVERIFY2(std::abs(level - 0.5 / std::sqrt(2.0)) < 0.01, qPrintable(QString::number(level)));
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // a fragment of the error
        QTest::newRow("missing") << "missing.wav" << QByteArray() << "no such file";
        QTest::newRow("empty") << "empty.wav" << QByteArray("") << "the file is empty (0 bytes)";
        QByteArray noise(4096, '\0');
        QRandomGenerator random(5);
        for (char &c : noise)
            c = char(random.bounded(256));
        QTest::newRow("random bytes") << "noise.wav" << noise << "cannot decode";
        // A RIFF/WAVE header whose format chunk is cut off after a few bytes.
        QByteArray cut = WavWriter::toBytes(tone(440.0, 8000, 0.1)).left(24);
        QTest::newRow("truncated header") << "truncated.wav" << cut << "cannot decode";
        // A RIFF/WAVE file whose format chunk claims a codec that does not exist (format tag 0x7777).
        QByteArray bogus = WavWriter::toBytes(tone(440.0, 8000, 0.1));
        bogus[20] = 0x77;
        bogus[21] = 0x77;
        QTest::newRow("unknown WAV codec") << "bogus.wav" << bogus << "cannot decode";
        QTest::newRow("text") << "notes.mp3" << QByteArray("these are not the sounds you are looking for\n") << "cannot decode";
    }
    void badFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString file = m_dir.filePath(name);
        if (name != QLatin1String("missing.wav"))
            QVERIFY(writeFile(file, content));
        QString error;
        const auto decoded = AudioFile::decode(file, 16000, &error, 20000);
        QVERIFY2(!decoded, "bad input decoded as audio");
        qInfo("%s: %s", qPrintable(name), qPrintable(error));
        QVERIFY2(error.contains(file), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // An image is not audio: a clear "cannot decode", not a crash.
    void imageIsUnsupported()
    {
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QString file = path("picture.png");
        QVERIFY(image.save(file, "PNG"));
        QString error;
        QVERIFY(!AudioFile::decode(file, 16000, &error, 20000));
        qInfo("png: %s", qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot decode %1: ").arg(file)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("not audio")) || error.contains(QLatin1String("not a supported audio format")),
                 qPrintable(error));
    }

    void directoryIsAnError()
    {
        QString error;
        QVERIFY(!AudioFile::decode(m_dir.path(), 16000, &error));
        QCOMPARE(error, QStringLiteral("cannot read %1: not a readable file").arg(m_dir.path()));
    }

    void rawPcm()
    {
        // Interleaved stereo int16 at 8 kHz: left = +0.5, right = -0.25 → mono 0.125.
        QByteArray bytes;
        for (int i = 0; i < 8000; ++i) {
            const qint16 frame[2] = {16384, -8192};
            bytes.append(reinterpret_cast<const char *>(frame), sizeof frame);
        }
        QAudioFormat format;
        format.setSampleFormat(QAudioFormat::Int16);
        format.setSampleRate(8000);
        format.setChannelCount(2);
        QString error;
        const auto pcm = AudioFile::fromRawPcm(bytes, format, 0, &error);
        QVERIFY2(pcm, qPrintable(error));
        QCOMPARE(pcm->sampleRate, 8000);
        QCOMPARE(int(pcm->samples.size()), 8000);
        QVERIFY(std::abs(pcm->samples[100] - 0.125f) < 1e-4f); // Qt scales int16 by 1/32767

        const auto resampled = AudioFile::fromRawPcm(bytes, format, 16000, &error);
        QVERIFY2(resampled, qPrintable(error));
        QCOMPARE(int(resampled->samples.size()), 16000);
        QVERIFY(std::abs(resampled->samples[8000] - 0.125f) < 1e-3f);

        QVERIFY(!AudioFile::fromRawPcm(bytes.left(bytes.size() - 1), format, 0, &error));
        QCOMPARE(error, QStringLiteral("the raw PCM data (31999 bytes) is not a whole number of 4-byte frames"));
        QVERIFY(!AudioFile::fromRawPcm(QByteArray(), format, 0, &error));
        QCOMPARE(error, QStringLiteral("the raw PCM data is empty"));
        QVERIFY(!AudioFile::fromRawPcm(bytes, QAudioFormat(), 0, &error));
        QVERIFY(error.startsWith(QLatin1String("raw PCM needs")));

        QVERIFY(writeFile(path("raw.pcm"), bytes));
        QVERIFY(AudioFile::readRawPcm(path("raw.pcm"), format, 0, &error));
        QVERIFY(!AudioFile::readRawPcm(path("nope.pcm"), format, 0, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot read %1").arg(path("nope.pcm"))), qPrintable(error));
    }

    // Chunked resampling equals whole-buffer resampling, and the length covers the input.
    void resamplerStreamsExactly_data()
    {
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::newRow("22050 → 10000") << 22050 << 10000;
        QTest::newRow("44100 → 10000") << 44100 << 10000;
        QTest::newRow("8000 → 10000") << 8000 << 10000;
        QTest::newRow("10000 → 10000") << 10000 << 10000;
    }
    void resamplerStreamsExactly()
    {
        QFETCH(int, in);
        QFETCH(int, out);
        const PcmBuffer signal = tone(300.0, in, 0.7);
        const std::vector<float> whole = Resampler::convert(signal.samples, in, out);
        QCOMPARE(qint64(whole.size()), (qint64(signal.samples.size()) * out + in - 1) / in);
        Resampler r(in, out);
        std::vector<float> pieces;
        QRandomGenerator random(11);
        for (size_t at = 0; at < signal.samples.size();) {
            const size_t n = std::min(signal.samples.size() - at, size_t(random.bounded(1, 700)));
            r.push(signal.samples.data() + at, n, pieces);
            at += n;
        }
        r.finish(pieces);
        QCOMPARE(pieces, whole);
        PcmBuffer converted;
        converted.sampleRate = out;
        converted.samples = whole;
        QVERIFY(std::abs(frequency(converted) - 300.0) < 1.0);
    }

    // Content above the new Nyquist is removed instead of folding down.
    void resamplerDoesNotAlias()
    {
        const PcmBuffer high = tone(7000.0, 22050, 0.5); // above 5 kHz
        const std::vector<float> down = Resampler::convert(high.samples, 22050, 10000);
        const double level = rms(down, down.size() / 4, down.size() * 3 / 4);
        QVERIFY2(level < 0.01, qPrintable(QString::number(level)));
    }
};

QTEST_GUILESS_MAIN(TestAudioFile)
#include "test_audio_file.moc"
