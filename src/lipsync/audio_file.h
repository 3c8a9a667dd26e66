// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Audio files to mono float PCM: anything Qt Multimedia decodes (WAV, MP3, OGG, FLAC … as the GStreamer plugins
// on the machine allow), or headerless raw PCM.
//
// decode() is synchronous: it runs QAudioDecoder inside a local QEventLoop, so it needs a QCoreApplication and
// must be called from a thread that may run an event loop (the CLI's main thread, a test). It leaves the
// Multimedia backend at its default (GStreamer); the FFmpeg backend crashes on machines without an audio device.

#include "lipsync/pcm_buffer.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace ths {

class AudioFile
{
public:
    static constexpr int kDefaultTimeoutMs = 120000;

    // Decodes the whole file, mixes it down to mono and resamples to `sampleRate` (0 keeps the file's rate).
    // Errors name the file and say what went wrong: missing, unreadable, empty, not decodable (unsupported or
    // corrupt, with the decoder's reason), decoded to no samples, or timed out.
    static std::optional<PcmBuffer> decode(const QString &path, int sampleRate, QString *error,
                                           int timeoutMs = kDefaultTimeoutMs);

    // Bounds for decoding untrusted uploads: both are checked after every decoded buffer, so decoding stops early.
    struct Limits {
        double maxSeconds = 0;         // longer audio is refused (0: no limit); *overLimit is then set
        std::function<bool()> cancelled; // true stops decoding ("decoding was cancelled")
    };
    static std::optional<PcmBuffer> decode(const QString &path, int sampleRate, QString *error, int timeoutMs,
                                           const Limits &limits, bool *overLimit = nullptr);

    // Interleaved raw PCM in `format` (UInt8, Int16, Int32 or Float, any channel count) to mono at `sampleRate`
    // (0 keeps the format's rate). A trailing partial frame is an error, as is an empty buffer.
    static std::optional<PcmBuffer> fromRawPcm(const QByteArray &bytes, const QAudioFormat &format, int sampleRate,
                                               QString *error);
    // Reads a raw PCM file and converts it as fromRawPcm(); errors name the file.
    static std::optional<PcmBuffer> readRawPcm(const QString &path, const QAudioFormat &format, int sampleRate,
                                               QString *error);
};

} // namespace ths
