// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The frames of result_feed: encodes each rendered frame to PNG once, on a worker thread, and hands the same
// bytes to every viewer at the target rate. Like Extras, it re-sends the newest frame while rendering is slower
// than the target (or paused), and encodes a new frame only after the previous one has gone out at least once,
// so it never encodes more than it sends. Without viewers it encodes nothing; currentPng() encodes on demand.
//
// Transport-independent: viewers are FrameStream objects (or anything) that connect to partReady().

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace ths {

class FrameHub : public QObject
{
    Q_OBJECT

public:
    static constexpr double kDefaultFps = 25.0;
    // The animator's target_fps range: a tiny rate must not overflow the timer (3.3e-7 fps became a 1 ms tick).
    static constexpr double kMinFps = 1.0;
    static constexpr double kMaxFps = 120.0;
    // Qt's PNG writer maps quality q to zlib level (100 − q) × 9 / 91: 85 → level 1, Extras' choice for speed
    // (about half the time of the default level at a slightly larger file).
    static constexpr int kPngQuality = 85;
    // Opens every part of the multipart/x-mixed-replace body (boundary "frame").
    static const QByteArray kPartHeader;

    explicit FrameHub(QObject *parent = nullptr);
    ~FrameHub() override;

    // Non-finite or non-positive → the default; otherwise clamped to [kMinFps, kMaxFps]. Takes effect at the next
    // tick.
    void setTargetFps(double fps);
    [[nodiscard]] double targetFps() const { return m_fps; }
    [[nodiscard]] int tickIntervalMs() const;

    // The newest rendered frame (call on this object's thread; connect across threads with a queued signal).
    void submitFrame(const QImage &frame);

    // The newest frame as PNG, encoded now if the last encode is older; empty before the first frame.
    QByteArray currentPng();
    [[nodiscard]] bool hasFrame() const { return !m_png.isEmpty() || !m_pending.isNull(); }
    // What a viewer writes for the newest frame: PNG bytes, CRLF, then the next part's header (so that a browser
    // shows a frame as soon as it arrives, not when the next one starts). Empty before the first encode.
    [[nodiscard]] QByteArray currentPart() const { return m_part; }
    [[nodiscard]] quint64 sequence() const { return m_sequence; }

    // Counts `viewer` until it is destroyed; starts the pacing timer while there are viewers.
    void addViewer(QObject *viewer);
    [[nodiscard]] int viewerCount() const { return int(m_viewers.size()); }

    struct Stats {
        quint64 submitted = 0;   // frames received from the backend
        quint64 encoded = 0;     // PNG encodes (each one shared by all viewers)
        quint64 reused = 0;      // frames published with the PNG of an identical recent frame
        quint64 ticks = 0;       // parts handed to the viewers
        double lastEncodeMs = 0;
        qint64 lastPngBytes = 0;
    };
    [[nodiscard]] Stats stats() const { return m_stats; }

    // RGBA PNG at kPngQuality (straight alpha; a premultiplied image is converted).
    static QByteArray encodePng(const QImage &frame);

Q_SIGNALS:
    // A new PNG is ready (back-pressure hook: a renderer may wait for this before rendering the next frame).
    void framePublished(quint64 sequence);
    // Time to send: every viewer writes `part` (see currentPart()).
    void partReady(const QByteArray &part, quint64 sequence);
    void viewerCountChanged(int viewers);

private:
    void maybeEncode();
    // `encodeMs` < 0: a reused encode.
    void publish(const QByteArray &png, double encodeMs);
    void tick();

    double m_fps = kDefaultFps;
    QImage m_pending;        // newest frame not yet encoded
    QImage m_inFlight;       // the frame the worker is encoding
    bool m_encoding = false;
    bool m_unsent = false;   // the newest PNG has not been handed to the viewers yet
    QByteArray m_png;
    QByteArray m_part;
    quint64 m_sequence = 0;
    QList<QObject *> m_viewers;
    QTimer m_timer;
    QThreadPool m_pool;      // one encoder thread, so encodes never pile up
    // The last encodes by QImage::cacheKey(): a frame shown again (the live character's speech atlas replays the
    // same few pictures) is published without encoding it again.
    QList<QPair<qint64, QByteArray>> m_recentEncodes;
    static constexpr int kRecentEncodes = 48;
    Stats m_stats;
};

} // namespace ths
