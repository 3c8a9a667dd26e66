// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/frame_rate_meter.h"

#include <QDateTime>

namespace ths {

FrameRateMeter::FrameRateMeter(QObject *parent)
    : QObject(parent)
{
    m_decay.setSingleShot(true);
    m_decay.setInterval(int(kWindowMs) + 100);
    connect(&m_decay, &QTimer::timeout, this, &FrameRateMeter::decayed);
}

void FrameRateMeter::frame()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_frameTimes.append(now);
    while (!m_frameTimes.isEmpty() && now - m_frameTimes.first() > kWindowMs)
        m_frameTimes.removeFirst();
    m_decay.start();
}

double FrameRateMeter::fps() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int count = 0;
    for (qint64 t : m_frameTimes)
        if (now - t <= kWindowMs)
            ++count;
    return count * 1000.0 / kWindowMs;
}

} // namespace ths
