// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One HTTP/1.1 connection of the API server: reads requests with HttpRequestReader, hands them on one at a time
// and writes their answers, so pipelined requests are answered strictly in order (the next request is not even
// read before the current one is answered; what the client sends meanwhile waits in a bounded socket buffer).
//
//   - Refused requests (framing, limits, timeouts) get their error with "Connection: close"; the connection then
//     stops sending, discards what is still arriving for a bounded time and closes (so the client can read the
//     answer instead of getting a reset).
//   - Timeouts: a head must be complete within headerTimeoutMs of its first byte, a body must make progress
//     every bodyTimeoutMs (both 408), an idle keep-alive connection is closed after idleTimeoutMs. Nothing times
//     out while the server itself works on a request or while result_feed streams.
//   - "Expect: 100-continue" is answered; HTTP/1.0 is answered as 1.0 and closed.
//   - keepForStream(): result_feed's connection stops reading requests; anything more the client sends is dropped.
//
// The connection is a child of its socket; the socket is deleted when the peer disconnects (HttpListener).

#include "api/api_request.h"
#include "api/api_response.h"
#include "http/http_request_reader.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace ths {

class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Policy {
        HttpRequestReader::Limits limits;
        int headerTimeoutMs = 15000;
        int bodyTimeoutMs = 15000;
        int idleTimeoutMs = 60000;
        // Handles a complete request; must eventually call respond() or keepForStream() on the connection
        // (unless the connection is gone by then).
        std::function<void(HttpConnection *, const HttpRequestReader::Request &)> handle;
        // The error response for a request refused by the transport (400, 408, 413, 431, 501, 505); `head` is what
        // was read of it (possibly nothing).
        std::function<ApiResponse(const ApiRequest &head, int status, const QString &message)> reject;
    };

    // Becomes a child of `socket`; `policy` must outlive it.
    HttpConnection(QTcpSocket *socket, const Policy *policy);
    // The connection of a socket made by HttpListener, or nullptr.
    static HttpConnection *of(QTcpSocket *socket);

    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    // Answers the request being handled (without the body for HEAD), then reads the next one or closes.
    void respond(const ApiResponse &response, bool withBody = true);
    // For result_feed: the connection belongs to a stream from now on.
    void keepForStream();

private:
    enum class State { Reading, Handling, Streaming, Closing };

    void readInput();
    void refuse(int status, const QString &message, qint64 unreadBodyBytes);
    void closeGracefully(qint64 drainBytes, int drainMs);
    void shutdownSending();
    void discardInput();
    void armTimer(bool progressed);
    void onTimeout();

    QTcpSocket *m_socket;
    const Policy *m_policy;
    HttpRequestReader m_reader;
    State m_state = State::Reading;
    HttpRequestReader::Request m_request; // the one being handled
    HttpRequestReader::Phase m_timedPhase = HttpRequestReader::Phase::Idle;
    QTimer m_timer;
    qint64 m_drainLeft = 0;
    bool m_shutdownPending = false;
};

} // namespace ths
