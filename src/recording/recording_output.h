// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a recording goes, chosen by the output path: "*.webm" (VP9 with alpha, Opus audio), "*.mp4" (H.264 on a
// background colour, AAC audio), anything without an extension a directory of PNG frames (frame_000000.png, …, and
// speech.wav when there is audio). Everything is written under a temporary name next to the output and renamed
// to it by commit(): a recording that is cancelled or fails (or the destructor before commit()) leaves nothing
// under the final name, and an older file there stays until the new one is complete.

#include "lipsync/pcm_buffer.h"

#include <QColor>
#include <QImage>
#include <QString>

#include <memory>
#include <optional>

namespace ths {

struct RecordingFormat {
    enum Kind { WebM, Mp4, PngSequence } kind = WebM;
    static std::optional<RecordingFormat> fromPath(const QString &path, QString *error);
};

class RecordingOutput
{
public:
    // `audio` may be empty (no sound track).
    static std::unique_ptr<RecordingOutput> open(const QString &path, int width, int height, int fps,
                                                 const QColor &background, const PcmBuffer &audio, QString *error);
    ~RecordingOutput();

    bool addFrame(const QImage &frame, QString *error);
    // Finishes the file and moves it to its final name.
    bool commit(QString *error);

private:
    RecordingOutput();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ths
