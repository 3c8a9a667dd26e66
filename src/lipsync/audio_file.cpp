// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/audio_file.h"

#include "lipsync/resampler.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

namespace ths {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Appends interleaved frames of any Qt sample format as mono (the channel average).
bool appendMono(const char *data, qsizetype frames, const QAudioFormat &format, std::vector<float> &out)
{
    const int channels = format.channelCount();
    const int bytesPerSample = format.bytesPerSample();
    if (channels <= 0 || bytesPerSample <= 0)
        return false;
    // No reserve() of the exact new size here: that defeats push_back's geometric growth (quadratic time).
    for (qsizetype f = 0; f < frames; ++f) {
        float sum = 0.0f;
        for (int c = 0; c < channels; ++c)
            sum += format.normalizedSampleValue(data + (f * channels + c) * bytesPerSample);
        out.push_back(sum / float(channels));
    }
    return true;
}

// The backend's reason (GStreamer's words) plus what it means for the user.
QString describe(QAudioDecoder::Error code, const QString &reason)
{
    QString text = reason.isEmpty() ? QStringLiteral("decoder error %1").arg(int(code)) : reason;
    switch (code) {
    case QAudioDecoder::FormatError:
    case QAudioDecoder::NotSupportedError:
        return text + QStringLiteral(" (not a supported audio format, or a corrupt file)");
    case QAudioDecoder::ResourceError:
        return text + QStringLiteral(" (the file could not be read as audio: corrupt, or not audio)");
    case QAudioDecoder::AccessDeniedError:
        return text + QStringLiteral(" (permission denied)");
    default:
        return text;
    }
}

PcmBuffer toRate(std::vector<float> samples, int rate, int wanted)
{
    PcmBuffer pcm;
    pcm.sampleRate = wanted > 0 ? wanted : rate;
    pcm.samples = wanted > 0 && wanted != rate ? Resampler::convert(samples, rate, wanted) : std::move(samples);
    return pcm;
}

} // namespace

std::optional<PcmBuffer> AudioFile::decode(const QString &path, int sampleRate, QString *error, int timeoutMs)
{
    return decode(path, sampleRate, error, timeoutMs, Limits{});
}

std::optional<PcmBuffer> AudioFile::decode(const QString &path, int sampleRate, QString *error, int timeoutMs,
                                           const Limits &limits, bool *overLimit)
{
    if (overLimit)
        *overLimit = false;
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(error, QStringLiteral("cannot read %1: no such file").arg(path));
        return std::nullopt;
    }
    if (!info.isFile() || !info.isReadable()) {
        fail(error, QStringLiteral("cannot read %1: not a readable file").arg(path));
        return std::nullopt;
    }
    if (info.size() == 0) {
        fail(error, QStringLiteral("cannot decode %1: the file is empty (0 bytes)").arg(path));
        return std::nullopt;
    }
    if (!QCoreApplication::instance()) {
        fail(error, QStringLiteral("cannot decode %1: audio decoding needs a QCoreApplication").arg(path));
        return std::nullopt;
    }

    QAudioDecoder decoder;
    if (!decoder.isSupported()) {
        fail(error, QStringLiteral("cannot decode %1: this Qt Multimedia backend has no audio decoder").arg(path));
        return std::nullopt;
    }
    std::vector<float> samples;
    int rate = 0;
    QString problem;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);

    QObject::connect(&decoder, &QAudioDecoder::bufferReady, &loop, [&] {
        while (decoder.bufferAvailable()) {
            const QAudioBuffer buffer = decoder.read();
            if (!buffer.isValid())
                continue;
            const QAudioFormat format = buffer.format();
            if (rate == 0)
                rate = format.sampleRate();
            if (format.sampleRate() != rate) {
                // A mid-stream rate change (chained streams) would shift the sample clock; refuse it plainly.
                problem = QStringLiteral("the sample rate changes from %1 to %2 Hz inside the stream")
                              .arg(rate).arg(format.sampleRate());
                decoder.stop();
                loop.quit();
                return;
            }
            if (!appendMono(buffer.constData<char>(), buffer.frameCount(), format, samples)) {
                problem = QStringLiteral("the decoder delivered an unusable sample format");
                decoder.stop();
                loop.quit();
                return;
            }
            if (limits.maxSeconds > 0 && double(samples.size()) > limits.maxSeconds * rate) {
                problem = QStringLiteral("the audio is longer than the limit of %1 s").arg(limits.maxSeconds);
                if (overLimit)
                    *overLimit = true;
                decoder.stop();
                loop.quit();
                return;
            }
            if (limits.cancelled && limits.cancelled()) {
                problem = QStringLiteral("decoding was cancelled");
                decoder.stop();
                loop.quit();
                return;
            }
        }
    });
    QObject::connect(&decoder, &QAudioDecoder::finished, &loop, &QEventLoop::quit);
    QObject::connect(&decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), &loop,
                     [&](QAudioDecoder::Error code) {
                         if (problem.isEmpty())
                             problem = describe(code, decoder.errorString());
                         loop.quit();
                     });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        problem = QStringLiteral("decoding did not finish within %1 ms").arg(timeoutMs);
        loop.quit();
    });

    decoder.setSource(QUrl::fromLocalFile(info.absoluteFilePath()));
    decoder.start();
    timer.start(timeoutMs);
    // Errors raised synchronously by start() have already set `problem`; do not wait for a signal then.
    if (problem.isEmpty() && decoder.error() == QAudioDecoder::NoError)
        loop.exec();
    else if (problem.isEmpty())
        problem = decoder.errorString();
    decoder.stop();

    if (!problem.isEmpty()) {
        fail(error, QStringLiteral("cannot decode %1: %2").arg(path, problem));
        return std::nullopt;
    }
    if (samples.empty() || rate <= 0) {
        fail(error, QStringLiteral("cannot decode %1: it contains no audio samples").arg(path));
        return std::nullopt;
    }
    return toRate(std::move(samples), rate, sampleRate);
}

std::optional<PcmBuffer> AudioFile::fromRawPcm(const QByteArray &bytes, const QAudioFormat &format, int sampleRate,
                                               QString *error)
{
    if (!format.isValid() || format.sampleRate() <= 0 || format.channelCount() <= 0) {
        fail(error, QStringLiteral("raw PCM needs a sample format, a sample rate > 0 and a channel count > 0"));
        return std::nullopt;
    }
    const qsizetype frameBytes = qsizetype(format.bytesPerFrame());
    if (bytes.isEmpty()) {
        fail(error, QStringLiteral("the raw PCM data is empty"));
        return std::nullopt;
    }
    if (bytes.size() % frameBytes != 0) {
        fail(error, QStringLiteral("the raw PCM data (%1 bytes) is not a whole number of %2-byte frames")
                        .arg(bytes.size()).arg(frameBytes));
        return std::nullopt;
    }
    std::vector<float> samples;
    appendMono(bytes.constData(), bytes.size() / frameBytes, format, samples);
    return toRate(std::move(samples), format.sampleRate(), sampleRate);
}

std::optional<PcmBuffer> AudioFile::readRawPcm(const QString &path, const QAudioFormat &format, int sampleRate,
                                               QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    QString inner;
    auto pcm = fromRawPcm(file.readAll(), format, sampleRate, &inner);
    if (!pcm)
        fail(error, QStringLiteral("%1: %2").arg(path, inner));
    return pcm;
}

} // namespace ths
