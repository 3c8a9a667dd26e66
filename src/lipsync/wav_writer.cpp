// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/wav_writer.h"

#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void putU16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

} // namespace

QByteArray WavWriter::toBytes(const PcmBuffer &pcm)
{
    const quint32 dataBytes = quint32(pcm.samples.size() * 2);
    QByteArray out;
    out.reserve(44 + qsizetype(dataBytes));
    out.append("RIFF", 4);
    putU32(out, 36 + dataBytes);
    out.append("WAVE", 4);
    out.append("fmt ", 4);
    putU32(out, 16);                          // PCM fmt chunk size
    putU16(out, 1);                           // PCM
    putU16(out, 1);                           // mono
    putU32(out, quint32(pcm.sampleRate));
    putU32(out, quint32(pcm.sampleRate) * 2); // byte rate
    putU16(out, 2);                           // block align
    putU16(out, 16);                          // bits per sample
    out.append("data", 4);
    putU32(out, dataBytes);
    for (float s : pcm.samples)
        putU16(out, quint16(qint16(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f))));
    return out;
}

bool WavWriter::write(const QString &path, const PcmBuffer &pcm, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toBytes(pcm)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ths
