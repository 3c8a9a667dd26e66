// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Encodes RGBA frames (and optionally mono audio) into a video file with FFmpeg's libraries (libavformat,
// libavcodec, libswscale, libswresample from Debian):
//   WebM — VP9 with an alpha channel (libvpx, yuva420p), audio Opus: keeps transparency for video editors and OBS;
//   MP4  — H.264 (libx264, yuv420p) over a background colour, audio AAC: plays everywhere.
// Frames must all have the size given at open(); odd sizes are padded with one transparent row/column (4:2:0 needs
// even sizes). Writes exactly to `path`: the caller chooses a temporary name and renames it (RecordingOutput).

#include <QColor>
#include <QImage>
#include <QString>

#include <memory>
#include <vector>

namespace ths {

enum class VideoContainer { WebM, Mp4 };

struct VideoEncoderOptions {
    QString path;
    VideoContainer container = VideoContainer::WebM;
    int width = 0, height = 0;
    int fps = 25;
    QColor background = Qt::black;   // MP4: what shows through transparent pixels
    int audioSampleRate = 0;          // of the mono samples given to open(); 0 = no audio track
    std::vector<float> audio;         // mono, [-1, 1]
};

class VideoEncoder
{
public:
    static std::unique_ptr<VideoEncoder> open(const VideoEncoderOptions &options, QString *error);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder &) = delete;
    VideoEncoder &operator=(const VideoEncoder &) = delete;

    // The next frame (any QImage; converted to RGBA8888). The audio up to the frame's end is muxed alongside.
    bool addFrame(const QImage &frame, QString *error);
    // Flushes the encoders (the rest of the audio too) and writes the trailer.
    bool finish(QString *error);

    // The padded frame size the file will have.
    int width() const;
    int height() const;

private:
    VideoEncoder();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ths
