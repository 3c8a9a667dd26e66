// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rendered cells (atlas_cell.h) of one character at one rest pose: true renders, kept in memory and, when a cache
// folder is given, on disk so that they survive a restart. A folder per atlas, named by a digest of everything the
// pictures depend on (the image's pixels, the rest pose, the weights and the arithmetic), one PNG per cell.
//
// Disk writes run on a background thread and replace files atomically, so a crash never leaves a half cell to be
// read later; an unreadable cell file is deleted and rendered again. Not thread-safe: one owner (the render thread).

#include "pose/pose.h"
#include "live/atlas_cell.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <array>

namespace ths {

class SpeechAtlas
{
public:
    // The digest naming an atlas: `imageDigest` from imageDigest(), `renderer` what else decides the pixels (weights,
    // device, precision).
    static QByteArray keyFor(const QByteArray &imageDigest, const Pose &rest, const QString &renderer);
    static QByteArray imageDigest(const QImage &image);

    // The user's cache folder for atlases (~/.cache/Talkinghead Studio/talkinghead-studio/speech-atlas on Linux: Qt puts the organisation name first).
    static QString defaultCacheDir();

    // `cacheDir` empty: memory only.
    SpeechAtlas(QByteArray key, QString cacheDir);

    [[nodiscard]] const QByteArray &key() const { return m_key; }
    // The cell's picture, from memory or else from disk; null when it has not been rendered yet.
    QImage cell(int index);
    [[nodiscard]] bool has(int index);
    void store(int index, const QImage &frame);
    // Cells in memory (those on disk count once read).
    [[nodiscard]] int readyCount() const;

    // Deletes the least recently used atlas folders under `cacheDir` until the rest take at most `maxBytes`.
    static void prune(const QString &cacheDir, qint64 maxBytes);
    // prune() after the queued disk writes, on the writer thread.
    static void pruneLater(const QString &cacheDir, qint64 maxBytes);
    // Waits until every queued disk write is done (tests, shutdown).
    static void flushWrites();

private:
    QString cellPath(int index) const;

    QByteArray m_key;
    QString m_dir; // empty: memory only
    std::array<QImage, AtlasCell::kCount> m_cells;
    std::array<bool, AtlasCell::kCount> m_absentOnDisk{}; // looked and found nothing: do not look again
};

} // namespace ths
