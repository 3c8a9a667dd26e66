// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/recording_output.h"

#include "lipsync/wav_writer.h"
#include "recording/video_encoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace ths {

std::optional<RecordingFormat> RecordingFormat::fromPath(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("webm"))
        return RecordingFormat{WebM};
    if (suffix == QLatin1String("mp4"))
        return RecordingFormat{Mp4};
    if (suffix.isEmpty() || path.endsWith(QLatin1Char('/')))
        return RecordingFormat{PngSequence};
    *error = QStringLiteral("%1: expected a .webm or .mp4 file, or a directory (no extension) for PNG frames").arg(path);
    return std::nullopt;
}

struct RecordingOutput::Impl {
    RecordingFormat format;
    QString finalPath, tempPath;
    std::unique_ptr<VideoEncoder> encoder;
    int frames = 0;
    bool committed = false;

    ~Impl()
    {
        encoder.reset();
        if (committed || tempPath.isEmpty())
            return;
        if (format.kind == RecordingFormat::PngSequence)
            QDir(tempPath).removeRecursively();
        else
            QFile::remove(tempPath);
    }
};

RecordingOutput::RecordingOutput()
    : d(std::make_unique<Impl>())
{
}

RecordingOutput::~RecordingOutput() = default;

std::unique_ptr<RecordingOutput> RecordingOutput::open(const QString &path, int width, int height, int fps,
                                                       const QColor &background, const PcmBuffer &audio, QString *error)
{
    const auto format = RecordingFormat::fromPath(path, error);
    if (!format)
        return nullptr;
    std::unique_ptr<RecordingOutput> out(new RecordingOutput);
    out->d->format = *format;
    const QFileInfo info(QDir::cleanPath(path));
    out->d->finalPath = info.absoluteFilePath();
    if (!info.absoluteDir().exists()) {
        *error = QStringLiteral("%1: the folder %2 does not exist").arg(path, info.absolutePath());
        return nullptr;
    }
    if (format->kind == RecordingFormat::PngSequence && info.exists()
        && !(info.isDir() && QDir(info.absoluteFilePath()).isEmpty())) {
        *error = QStringLiteral("%1: already exists; PNG frames go into a new (or empty) directory").arg(path);
        return nullptr;
    }
    // Hidden, next to the output (the same file system, so the final rename is atomic), unique per process.
    const QString temp = info.absoluteDir().filePath(QStringLiteral(".%1.partial-%2%3")
                                                         .arg(info.completeBaseName())
                                                         .arg(QCoreApplication::applicationPid())
                                                         .arg(info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix()));
    out->d->tempPath = temp;
    if (format->kind == RecordingFormat::PngSequence) {
        if (!QDir().mkdir(temp)) {
            *error = QStringLiteral("%1: cannot create %2").arg(path, temp);
            out->d->tempPath.clear();
            return nullptr;
        }
        if (!audio.isEmpty() && !WavWriter::write(QDir(temp).filePath(QStringLiteral("speech.wav")), audio, error))
            return nullptr;
        return out;
    }
    VideoEncoderOptions options;
    options.path = temp;
    options.container = format->kind == RecordingFormat::WebM ? VideoContainer::WebM : VideoContainer::Mp4;
    options.width = width;
    options.height = height;
    options.fps = fps;
    options.background = background;
    options.audioSampleRate = audio.sampleRate;
    options.audio = audio.samples;
    out->d->encoder = VideoEncoder::open(options, error);
    if (!out->d->encoder)
        return nullptr;
    return out;
}

bool RecordingOutput::addFrame(const QImage &frame, QString *error)
{
    if (d->encoder)
        return d->encoder->addFrame(frame, error);
    const QString file = QDir(d->tempPath).filePath(QStringLiteral("frame_%1.png").arg(d->frames++, 6, 10, QLatin1Char('0')));
    if (!frame.save(file, "PNG")) {
        *error = QStringLiteral("%1: cannot write").arg(file);
        return false;
    }
    return true;
}

bool RecordingOutput::commit(QString *error)
{
    if (d->encoder && !d->encoder->finish(error))
        return false;
    d->encoder.reset();
    if (d->format.kind == RecordingFormat::PngSequence && QFileInfo(d->finalPath).isDir())
        QDir().rmdir(d->finalPath); // empty (checked at open)
    // rename(2) replaces an older file in one step.
    if (std::rename(QFile::encodeName(d->tempPath).constData(), QFile::encodeName(d->finalPath).constData()) != 0) {
        *error = QStringLiteral("%1: cannot rename %2 to it").arg(d->finalPath, d->tempPath);
        return false;
    }
    d->committed = true;
    return true;
}

} // namespace ths
