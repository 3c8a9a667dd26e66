// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A take: the packets of one puppeteer session as they arrived, so it can be replayed or rendered later. JSON Lines:
//   {"take":"talkinghead-studio","version":1,"source":"ifacialmocap","settings":{…PuppeteerSettings…},"started":"…"}
//   {"t":0.0166,"packet":"<base64>"}                      one line per packet, t in seconds since the take began
// Written as it goes and flushed at least every second (a crash loses at most the last second). Replay and
// render-take start at the first packet.

#include "mocap/mocap_source.h"
#include "mocap/puppeteer_settings.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <optional>
#include <vector>

namespace ths::mocap {

struct TakePacket {
    double t = 0;
    QByteArray data;
};

struct Take {
    SourceKind source = SourceKind::IFacialMocap;
    PuppeteerSettings settings;
    std::vector<TakePacket> packets;

    // Reads a take; errors name the file and line.
    static std::optional<Take> read(const QString &path, QString *error);
};

class TakeWriter
{
public:
    // Creates (replaces) `path`; false with an error naming the file.
    bool open(const QString &path, SourceKind source, const PuppeteerSettings &settings, QString *error);
    void write(double t, const QByteArray &packet);
    // Flushes what was written if the last flush is over half a second ago (called while packets pause, too).
    void flushIfDue();
    // Flushes and closes; false if anything could not be written (the error names the file).
    bool close(QString *error = nullptr);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

private:
    QFile m_file;
    QElapsedTimer m_sinceFlush;
    bool m_failed = false;
};

} // namespace ths::mocap
