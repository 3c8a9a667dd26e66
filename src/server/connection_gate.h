// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads along with QHttpServer 6.4 on one connection, before it buffers a request, to add what 6.4 lacks:
//   - a body limit: a Content-Length over the limit is answered 413 at once, before the body is read (QHttpServer
//     would buffer any size in memory, twice); a chunked body is cut off at the limit;
//   - "Expect: 100-continue": answered, so curl does not wait a second before every upload over 1 MiB;
//   - the raw request target: QUrl turns "//api/talkinghead/load" (what SillyTavern sends for a base URL ending in
//     '/') into host "api" + path "/talkinghead/load", and QHttpServer then replaces the host, losing "api".
//
// How: GatedTcpServer connects beforeServerRead() to the socket's readyRead ahead of QHttpServer's handler and
// afterServerRead() behind it. Each readyRead, the bytes QHttpServer has not read yet minus those it left unread
// last time are new; they are peeked (not consumed) and scanned for request heads, whose Content-Length then
// tells where the next head starts. A rejected request's connection is taken away from QHttpServer (its
// readyRead handlers are disconnected), answered, drained and closed.
//
// This depends on QHttpServer 6.4 internals (one readyRead handler whose receiver is the server; reads inside a
// transaction); ApiServer refuses to build with Qt ≥ 6.5, where the request handling was rewritten.

#include "server/api_request.h"
#include "server/api_response.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <optional>

namespace ths {

class ConnectionGate : public QObject
{
    Q_OBJECT

public:
    struct Policy {
        qint64 maxBodyBytes = 20 * 1024 * 1024;
        qint64 maxHeadBytes = 64 * 1024;   // request line + headers; QHttpServer itself has no limit
        QPointer<QObject> httpServer;      // the QHttpServer whose readyRead handler a rejection disconnects
        // Builds the error response for a rejected request (status 413 or 431); `head` has no body.
        std::function<ApiResponse(const ApiRequest &head, int status, const QString &message)> reject;
    };
    struct RequestLine {
        QByteArray method;
        QByteArray target;
    };

    // Becomes a child of `socket`; `policy` must outlive it.
    ConnectionGate(QTcpSocket *socket, const Policy *policy);
    // The gate of a socket made by GatedTcpServer, or nullptr.
    static ConnectionGate *of(QTcpSocket *socket);

    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    // The request line of the oldest request QHttpServer has not yet handed on. Call once per request handled.
    std::optional<RequestLine> takeRequestLine();
    // Writes a complete response unless the peer has gone; with `close` the connection is closed after it.
    void send(const QByteArray &response, bool close);
    // For result_feed: QHttpServer stops reading this connection (anything more the peer sends is discarded), so
    // a stray request cannot interleave an answer with the stream.
    void keepForStream();

    void beforeServerRead();
    void afterServerRead();

private:
    enum class State { Head, Body, ChunkedBody, Rejected, Streaming };

    void scan(QByteArrayView fresh);
    ApiRequest parseHead(qsizetype headSize) const; // m_head[0, headSize): request line and headers
    void endOfHead(qsizetype headSize);              // records it and decides how the body is framed
    void reject(int status, const QString &message, qint64 drainBytes);
    void detachFromServer();
    void drain();

    QTcpSocket *m_socket;
    const Policy *m_policy;
    State m_state = State::Head;
    QByteArray m_head;           // the head being received
    qint64 m_bodyLeft = 0;       // State::Body: bytes of the current body still to come
    qint64 m_chunkedBytes = 0;   // State::ChunkedBody: bytes seen so far
    qint64 m_leftover = 0;       // unread by QHttpServer after its last read (pipelined requests)
    qint64 m_drainLeft = 0;      // State::Rejected: bytes still to discard before closing
    QQueue<RequestLine> m_lines;
    ApiRequest m_current;        // the newest head, for a rejection's answer
    QTimer m_drainTimeout;
};

} // namespace ths
