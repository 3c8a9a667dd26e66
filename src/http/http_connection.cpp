// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/http_connection.h"

#include "core/log_text.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace ths {

namespace {

// Bytes read from the socket per step, and the most Qt buffers for a connection whose request is being handled
// (a pipelining client then waits in TCP flow control instead of growing memory).
constexpr qint64 kReadStep = 256 * 1024;
constexpr qint64 kReadBuffer = 1024 * 1024;
// After a refusal: how much more input is discarded, and for how long, before the connection is closed anyway.
constexpr qint64 kDrainBytes = 1024 * 1024;
constexpr int kDrainMs = 2000;
constexpr int kBodyDrainMs = 10000;

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const Policy *policy)
    : QObject(socket)
    , m_socket(socket)
    , m_policy(policy)
    , m_reader(policy->limits)
{
    m_socket->setReadBufferSize(kReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::readInput);
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_shutdownPending && m_socket->bytesToWrite() == 0)
            shutdownSending();
    });
    armTimer(false);
    // Bytes that arrived before this object existed.
    QMetaObject::invokeMethod(this, &HttpConnection::readInput, Qt::QueuedConnection);
}

HttpConnection *HttpConnection::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void HttpConnection::readInput()
{
    if (m_state == State::Closing || m_state == State::Streaming) {
        discardInput();
        return;
    }
    if (m_state != State::Reading)
        return; // the request being handled is answered first; the rest waits in the socket's buffer
    bool progressed = false;
    while (m_socket->bytesAvailable() > 0) {
        const QByteArray bytes = m_socket->peek(qMin(m_socket->bytesAvailable(), kReadStep));
        const HttpRequestReader::Step step = m_reader.consume(bytes);
        m_socket->skip(step.consumed);
        progressed = progressed || step.consumed > 0;
        switch (step.event) {
        case HttpRequestReader::Event::NeedMore:
            if (step.consumed == 0)
                return;
            break;
        case HttpRequestReader::Event::HeadReady:
            // Answered only now, when the request is next in line: the client sends the body when it is read.
            if (m_reader.current().expectContinue && !m_reader.current().http10)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        case HttpRequestReader::Event::RequestReady: {
            m_request = m_reader.takeRequest();
            m_state = State::Handling;
            m_timer.stop();
            m_policy->handle(this, m_request); // may answer at once (respond() resumes reading, queued)
            return;
        }
        case HttpRequestReader::Event::Failed:
            refuse(m_reader.failure().status, m_reader.failure().message, m_reader.failure().unreadBodyBytes);
            return;
        }
    }
    armTimer(progressed);
}

void HttpConnection::respond(const ApiResponse &response, bool withBody)
{
    if (m_state != State::Handling)
        return;
    ApiResponse r = response;
    const bool close = !m_request.keepAlive || r.header("connection").compare("close", Qt::CaseInsensitive) == 0;
    if (close)
        r.setHeader("Connection", "close");
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(r.serialize(withBody, m_request.http10 ? "HTTP/1.0" : "HTTP/1.1"));
    if (close) {
        closeGracefully(kDrainBytes, kDrainMs);
        return;
    }
    m_state = State::Reading;
    armTimer(false);
    QMetaObject::invokeMethod(this, &HttpConnection::readInput, Qt::QueuedConnection);
}

void HttpConnection::keepForStream()
{
    m_state = State::Streaming;
    m_timer.stop();
    discardInput();
}

void HttpConnection::refuse(int status, const QString &message, qint64 unreadBodyBytes)
{
    const ApiRequest &head = m_reader.current().request;
    ApiResponse response = m_policy->reject ? m_policy->reject(head, status, message) : ApiResponse::error(status, message);
    response.setHeader("Connection", "close");
    // Rate-limited: a client can provoke these at will.
    static LogRateLimit limit(20, 10000);
    int suppressed = 0;
    if (limit.allow(&suppressed))
        qWarning("HTTP %d for %s %s: %s%s", status, head.method.isEmpty() ? "(no request line)" : head.method.left(16).constData(),
             head.target.left(qMin<qsizetype>(200, head.target.indexOf('?') < 0 ? head.target.size() : head.target.indexOf('?')))
                 .constData(), // no query: it may hold a key
             qPrintable(message),
             suppressed ? qPrintable(QStringLiteral(" (%1 more refusals not logged)").arg(suppressed)) : "");
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(response.serialize(true, m_reader.current().http10 ? "HTTP/1.0" : "HTTP/1.1"));
    if (unreadBodyBytes > 0)
        closeGracefully(unreadBodyBytes + m_policy->limits.maxHeadBytes, kBodyDrainMs);
    else
        closeGracefully(kDrainBytes, kDrainMs);
}

void HttpConnection::closeGracefully(qint64 drainBytes, int drainMs)
{
    // Closing with unread input would reset the connection, and the client could lose the answer before reading
    // it: stop sending once the answer is out, discard what still comes, and close when the client does (or the
    // drain is used up).
    m_state = State::Closing;
    m_drainLeft = drainBytes;
    m_timer.start(drainMs);
    if (m_socket->bytesToWrite() == 0)
        shutdownSending();
    else
        m_shutdownPending = true;
    discardInput();
}

void HttpConnection::shutdownSending()
{
    m_shutdownPending = false;
#ifdef Q_OS_UNIX
    if (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->socketDescriptor() >= 0) {
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

void HttpConnection::discardInput()
{
    const qint64 skipped = m_socket->skip(m_socket->bytesAvailable());
    if (m_state != State::Closing)
        return;
    m_drainLeft -= qMax<qint64>(0, skipped);
    if (m_drainLeft <= 0)
        m_socket->disconnectFromHost();
}

void HttpConnection::armTimer(bool progressed)
{
    if (m_state != State::Reading)
        return;
    const HttpRequestReader::Phase phase = m_reader.phase();
    // The head's deadline runs from its first byte; the body's is renewed by every byte; idle from the last answer.
    if (phase == m_timedPhase && m_timer.isActive() && !(phase == HttpRequestReader::Phase::Body && progressed))
        return;
    m_timedPhase = phase;
    switch (phase) {
    case HttpRequestReader::Phase::Idle: m_timer.start(m_policy->idleTimeoutMs); break;
    case HttpRequestReader::Phase::Head: m_timer.start(m_policy->headerTimeoutMs); break;
    case HttpRequestReader::Phase::Body: m_timer.start(m_policy->bodyTimeoutMs); break;
    case HttpRequestReader::Phase::Failed: m_timer.stop(); break;
    }
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Closing:
        m_socket->abort();
        return;
    case State::Handling:
    case State::Streaming:
        return;
    case State::Reading:
        break;
    }
    switch (m_reader.phase()) {
    case HttpRequestReader::Phase::Idle:
        m_socket->disconnectFromHost();
        break;
    case HttpRequestReader::Phase::Head:
        refuse(408, QStringLiteral("the request head was not complete within %1 s").arg(m_policy->headerTimeoutMs / 1000.0), 0);
        break;
    case HttpRequestReader::Phase::Body:
        refuse(408, QStringLiteral("no part of the request body arrived for %1 s").arg(m_policy->bodyTimeoutMs / 1000.0), 0);
        break;
    case HttpRequestReader::Phase::Failed:
        m_socket->abort();
        break;
    }
}

} // namespace ths
