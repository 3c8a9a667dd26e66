// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes mono PCM as a 16-bit RIFF/WAVE file, the format every player and QAudioDecoder read.

#include "lipsync/pcm_buffer.h"

#include <QByteArray>
#include <QString>

namespace ths {

class WavWriter
{
public:
    // Samples are clipped to [-1, 1]. Errors name the file.
    static bool write(const QString &path, const PcmBuffer &pcm, QString *error);
    static QByteArray toBytes(const PcmBuffer &pcm);
};

} // namespace ths
