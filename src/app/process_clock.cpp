// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/process_clock.h"

#include <QElapsedTimer>
#include <QFile>

#include <unistd.h>

namespace ths {

double secondsSinceProcessStart()
{
    // /proc/self/stat field 22 is the start time in clock ticks since boot; /proc/uptime is now since boot.
    QFile stat(QStringLiteral("/proc/self/stat")), uptime(QStringLiteral("/proc/uptime"));
    if (stat.open(QIODevice::ReadOnly) && uptime.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        const int close = s.lastIndexOf(')'); // the command name may contain spaces
        const QList<QByteArray> fields = s.mid(close + 2).split(' ');
        // fields[0] is field 3 (state), so field 22 is fields[19].
        const double startTicks = fields.size() > 19 ? fields[19].toDouble() : -1;
        const double now = uptime.readAll().split(' ').value(0).toDouble();
        if (startTicks >= 0 && now > 0)
            return now - startTicks / double(sysconf(_SC_CLK_TCK));
    }
    static QElapsedTimer fallback;
    if (!fallback.isValid())
        fallback.start();
    return fallback.elapsed() / 1000.0;
}

} // namespace ths
