// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helper: decodes a recording back with FFmpeg's libraries (the same that wrote it): every video frame as
// RGBA (VP9 through libvpx, which decodes the alpha channel), and the length of the audio track.

#include <QImage>
#include <QString>

#include <vector>

namespace ths::test {

struct DecodedVideo {
    QString videoCodec, audioCodec;
    std::vector<QImage> frames; // RGBA8888
    bool alpha = false;         // the stream carries alpha (the frames then have it)
    double audioSeconds = 0;
    double fps = 0;
};

// Errors (unreadable file, no video stream) go to `error`; the result is then empty.
DecodedVideo decodeVideo(const QString &path, QString *error);

} // namespace ths::test
