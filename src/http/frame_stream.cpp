// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/frame_stream.h"

#include "api/api_response.h"
#include "api/frame_hub.h"

#ifdef Q_OS_LINUX
#include <linux/sockios.h>
#include <sys/ioctl.h>
#endif

namespace ths {

FrameStream::FrameStream(QTcpSocket *socket, bool repeats)
    : QObject(socket)
    , m_socket(socket)
    , m_repeats(repeats)
{
}

FrameStream *FrameStream::start(QTcpSocket *socket, const ApiResponse &head, FrameHub *hub)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    auto *stream = new FrameStream(socket, head.streamRepeats);
    ApiResponse h = head;
    h.stream = true; // no Content-Length
    socket->write(h.serialize(false) + FrameHub::kPartHeader);
    if (!hub->currentPart().isEmpty())
        stream->send(hub->currentPart());
    connect(hub, &FrameHub::partReady, stream, [stream](const QByteArray &part) { stream->send(part); });
    hub->addViewer(stream);
    return stream;
}

qint64 FrameStream::unsentBytes() const
{
    if (!m_socket)
        return 0;
    qint64 unsent = m_socket->bytesToWrite();
#ifdef Q_OS_LINUX
    // What the kernel still holds for this viewer (not yet sent or not yet acknowledged): a slow viewer's send
    // buffer would otherwise fill with stale frames before Qt's own buffer sees any backlog.
    int queued = 0;
    if (m_socket->socketDescriptor() >= 0 && ::ioctl(int(m_socket->socketDescriptor()), SIOCOUTQ, &queued) == 0)
        unsent += queued;
#endif
    return unsent;
}

void FrameStream::send(const QByteArray &part)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // The same bytes as last time (no new frame, or the speech atlas showing the same cell again): only as keep-alive.
    // (A tick without a new frame hands out the very same bytes: no comparison of their contents then.)
    if (!m_repeats && (part.isSharedWith(m_lastPart) || part == m_lastPart) && m_sinceWrite.isValid()
        && m_sinceWrite.elapsed() < kKeepAliveMs)
        return;
    // More than one part still unsent (in Qt's buffer or the kernel's): the viewer is slower than the stream;
    // skip this one, so that it gets the newest frame once it catches up.
    if (unsentBytes() >= part.size()) {
        ++m_dropped;
        return;
    }
    m_socket->write(part); // implicitly shared: no copy of the PNG per viewer
    ++m_sent;
    if (!m_repeats) {
        m_lastPart = part;
        m_sinceWrite.start();
    }
}

} // namespace ths
