// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One viewer of GET /api/talkinghead/result_feed: a never-ending multipart/x-mixed-replace response written
// straight to the connection's socket, one part per FrameHub tick (HttpConnection::keepForStream() has handed the
// socket over).
//
// Bounded buffering: a part is skipped while the previous one is still unsent (Qt's buffer and the kernel's send
// queue together), so a slow viewer sees fewer, but current, frames instead of growing memory or lagging.
// Without repeats (ApiResponse::streamRepeats false) a tick that brings the part this viewer got last is skipped, but
// for one every kKeepAliveMs, so that proxies and pages still see a live stream while the picture stands still.
// The stream is a child of the socket: when the peer disconnects, HttpListener deletes the socket and with it this
// object, which also ends its FrameHub viewer count.

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace ths {

struct ApiResponse;
class FrameHub;

class FrameStream : public QObject
{
    Q_OBJECT

public:
    // Writes `head` (its status line and headers; it should carry Connection: close, since the body is delimited
    // by closing) and the current frame, if any, then follows `hub`. nullptr when the socket is already closed.
    static FrameStream *start(QTcpSocket *socket, const ApiResponse &head, FrameHub *hub);

    static constexpr int kKeepAliveMs = 2000;

    [[nodiscard]] quint64 framesSent() const { return m_sent; }
    [[nodiscard]] quint64 framesDropped() const { return m_dropped; }
    // Bytes written for this viewer that have not reached it yet: Qt's buffer plus, on Linux, the kernel's send
    // queue.
    [[nodiscard]] qint64 unsentBytes() const;

private:
    FrameStream(QTcpSocket *socket, bool repeats);
    void send(const QByteArray &part);

    QPointer<QTcpSocket> m_socket;
    bool m_repeats = true;
    QByteArray m_lastPart;       // without repeats: the part written last
    QElapsedTimer m_sinceWrite;
    quint64 m_sent = 0;
    quint64 m_dropped = 0;
};

} // namespace ths
