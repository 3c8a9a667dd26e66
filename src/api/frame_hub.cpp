// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/frame_hub.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImageWriter>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace ths {

const QByteArray FrameHub::kPartHeader = QByteArrayLiteral("--frame\r\nContent-Type: image/png\r\n\r\n");

namespace {

struct Encoded {
    QByteArray png;
    double ms = 0;
};

Encoded timedEncode(const QImage &frame)
{
    QElapsedTimer t;
    t.start();
    Encoded e{FrameHub::encodePng(frame), 0};
    e.ms = double(t.nsecsElapsed()) / 1e6;
    return e;
}

} // namespace

FrameHub::FrameHub(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FrameHub::tick);
    setTargetFps(kDefaultFps);
}

FrameHub::~FrameHub()
{
    m_pool.waitForDone();
}

QByteArray FrameHub::encodePng(const QImage &frame)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(kPngQuality);
    const bool straight = frame.format() == QImage::Format_RGBA8888 || frame.format() == QImage::Format_ARGB32;
    if (!writer.write(straight ? frame : frame.convertToFormat(QImage::Format_RGBA8888)))
        qWarning("FrameHub: PNG encoding failed: %s", qPrintable(writer.errorString()));
    return png;
}

void FrameHub::setTargetFps(double fps)
{
    m_fps = (!std::isfinite(fps) || fps <= 0) ? kDefaultFps : std::clamp(fps, kMinFps, kMaxFps);
    m_timer.setInterval(int(std::lround(1000.0 / m_fps)));
}

int FrameHub::tickIntervalMs() const
{
    return m_timer.interval();
}

void FrameHub::submitFrame(const QImage &frame)
{
    if (frame.isNull())
        return;
    ++m_stats.submitted;
    m_pending = frame;
    maybeEncode();
}

QByteArray FrameHub::currentPng()
{
    // On demand (GET frame.png with nobody streaming): encode here rather than wait for the worker.
    if (!m_pending.isNull() && !m_encoding) {
        const Encoded e = timedEncode(m_pending);
        m_pending = QImage();
        publish(e.png, e.ms);
    } else if (m_png.isEmpty() && m_encoding) {
        return encodePng(m_inFlight); // the very first frame is still with the worker: do not answer "none yet"
    }
    return m_png;
}

void FrameHub::addViewer(QObject *viewer)
{
    m_viewers.append(viewer);
    connect(viewer, &QObject::destroyed, this, [this, viewer] {
        m_viewers.removeOne(viewer);
        if (m_viewers.isEmpty())
            m_timer.stop();
        Q_EMIT viewerCountChanged(viewerCount());
    });
    Q_EMIT viewerCountChanged(viewerCount());
    if (!m_part.isEmpty() && !m_timer.isActive())
        m_timer.start();
    maybeEncode();
}

void FrameHub::maybeEncode()
{
    if (m_encoding || m_pending.isNull() || m_viewers.isEmpty() || m_unsent)
        return;
    const qint64 key = m_pending.cacheKey();
    for (const auto &[recentKey, png] : std::as_const(m_recentEncodes))
        if (recentKey == key) {
            m_pending = QImage();
            ++m_stats.reused;
            publish(png, -1);
            return;
        }
    m_encoding = true;
    auto *watcher = new QFutureWatcher<Encoded>(this);
    connect(watcher, &QFutureWatcher<Encoded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_encoding = false;
        const Encoded e = watcher->result();
        m_recentEncodes.prepend({m_inFlight.cacheKey(), e.png});
        if (m_recentEncodes.size() > kRecentEncodes)
            m_recentEncodes.removeLast();
        m_inFlight = QImage();
        publish(e.png, e.ms);
        maybeEncode();
    });
    m_inFlight = m_pending;
    m_pending = QImage();
    watcher->setFuture(QtConcurrent::run(&m_pool, timedEncode, m_inFlight));
}

void FrameHub::publish(const QByteArray &png, double encodeMs)
{
    if (png.isEmpty())
        return;
    if (encodeMs >= 0) {
        ++m_stats.encoded;
        m_stats.lastEncodeMs = encodeMs;
    }
    m_stats.lastPngBytes = png.size();
    m_png = png;
    m_part = png + "\r\n" + kPartHeader;
    m_unsent = true;
    Q_EMIT framePublished(++m_sequence);
    // The first frame goes out at once; after that the timer paces.
    if (!m_viewers.isEmpty() && !m_timer.isActive()) {
        tick();
        m_timer.start();
    }
}

void FrameHub::tick()
{
    if (m_viewers.isEmpty()) {
        m_timer.stop();
        return;
    }
    if (m_part.isEmpty())
        return;
    ++m_stats.ticks;
    m_unsent = false;
    Q_EMIT partReady(m_part, m_sequence);
    maybeEncode();
}

} // namespace ths
