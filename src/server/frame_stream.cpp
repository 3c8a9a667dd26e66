// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/frame_stream.h"

#include "server/api_response.h"
#include "server/frame_hub.h"

namespace ths {

FrameStream::FrameStream(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{
}

FrameStream *FrameStream::start(QTcpSocket *socket, const ApiResponse &head, FrameHub *hub)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    auto *stream = new FrameStream(socket);
    ApiResponse h = head;
    h.stream = true; // no Content-Length
    socket->write(h.serialize(false) + FrameHub::kPartHeader);
    if (!hub->currentPart().isEmpty())
        stream->send(hub->currentPart());
    connect(hub, &FrameHub::partReady, stream, [stream](const QByteArray &part) { stream->send(part); });
    hub->addViewer(stream);
    return stream;
}

void FrameStream::send(const QByteArray &part)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // More than one part still queued: the viewer is slower than the stream, skip this one.
    if (m_socket->bytesToWrite() >= part.size()) {
        ++m_dropped;
        return;
    }
    m_socket->write(part); // implicitly shared: no copy of the PNG per viewer
    ++m_sent;
}

} // namespace ths
