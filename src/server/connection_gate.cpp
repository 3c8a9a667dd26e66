// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/connection_gate.h"

namespace ths {

namespace {

// A rejected connection is drained (so that closing it does not reset the peer before it has read the answer)
// until the peer closes, this much more than the announced body has arrived, or this long has passed.
constexpr int kDrainTimeoutMs = 10000;

bool isSpaceOrBreak(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v'; }

} // namespace

ConnectionGate::ConnectionGate(QTcpSocket *socket, const Policy *policy)
    : QObject(socket)
    , m_socket(socket)
    , m_policy(policy)
{
    m_drainTimeout.setSingleShot(true);
    m_drainTimeout.setInterval(kDrainTimeoutMs);
    connect(&m_drainTimeout, &QTimer::timeout, m_socket, &QAbstractSocket::abort);
}

ConnectionGate *ConnectionGate::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

std::optional<ConnectionGate::RequestLine> ConnectionGate::takeRequestLine()
{
    if (m_lines.isEmpty())
        return std::nullopt;
    return m_lines.dequeue();
}

void ConnectionGate::send(const QByteArray &response, bool close)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_state == State::ChunkedBody)
        m_state = State::Head; // the gate cannot see where a chunked body ends; its answer marks it
    m_socket->write(response);
    if (close)
        m_socket->disconnectFromHost();
}

void ConnectionGate::keepForStream()
{
    m_state = State::Streaming;
    detachFromServer();
    m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionGate::detachFromServer()
{
    if (m_policy->httpServer)
        QObject::disconnect(m_socket, &QIODevice::readyRead, m_policy->httpServer, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
}

void ConnectionGate::beforeServerRead()
{
    if (m_state == State::Rejected) {
        drain();
        return;
    }
    if (m_state == State::Streaming) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_leftover;
    if (fresh <= 0)
        return;
    // Inside a body nothing needs looking at: count it without copying.
    if (m_state == State::Body && fresh <= m_bodyLeft) {
        m_bodyLeft -= fresh;
        if (m_bodyLeft == 0)
            m_state = State::Head;
        return;
    }
    const QByteArray bytes = m_socket->peek(available);
    scan(QByteArrayView(bytes).sliced(qMax<qsizetype>(0, bytes.size() - fresh)));
}

void ConnectionGate::afterServerRead()
{
    if (m_state != State::Rejected && m_state != State::Streaming)
        m_leftover = m_socket->bytesAvailable();
}

void ConnectionGate::scan(QByteArrayView fresh)
{
    qsizetype i = 0;
    while (i < fresh.size()) {
        switch (m_state) {
        case State::Head: {
            // Like QHttpServer, skip line breaks and blanks left over between requests.
            while (m_head.isEmpty() && i < fresh.size() && isSpaceOrBreak(fresh[i]))
                ++i;
            if (i == fresh.size())
                return;
            const qsizetype before = m_head.size();
            m_head += fresh.sliced(i, qMin(fresh.size() - i, m_policy->maxHeadBytes + 4 - before));
            // QHttpServer ends a head at CRLF CRLF, LF CRLF or LF LF.
            const qsizetype from = qMax<qsizetype>(0, before - 3);
            const qsizetype a = m_head.indexOf("\n\r\n", from), b = m_head.indexOf("\n\n", from);
            const qsizetype end = (a >= 0 && (b < 0 || a < b)) ? a + 3 : (b >= 0 ? b + 2 : -1);
            if (end < 0) {
                if (m_head.size() > m_policy->maxHeadBytes) {
                    m_current = parseHead(m_head.size()); // what there is: method, target, Origin
                    reject(431, QStringLiteral("the request line and headers exceed %1 bytes").arg(m_policy->maxHeadBytes), 0);
                    return;
                }
                i = fresh.size();
                break;
            }
            i += end - before;
            endOfHead(end);
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyLeft, fresh.size() - i);
            m_bodyLeft -= take;
            i += take;
            if (m_bodyLeft == 0)
                m_state = State::Head;
            break;
        }
        case State::ChunkedBody:
            // The chunk framing adds a few bytes per chunk; the exact body size is checked again after decoding.
            m_chunkedBytes += fresh.size() - i;
            i = fresh.size();
            if (m_chunkedBytes > m_policy->maxBodyBytes + m_policy->maxHeadBytes)
                reject(413, QStringLiteral("the chunked request body exceeds the limit of %1 bytes").arg(m_policy->maxBodyBytes),
                       m_policy->maxBodyBytes);
            break;
        case State::Rejected:
        case State::Streaming:
            return;
        }
    }
}

ApiRequest ConnectionGate::parseHead(qsizetype headSize) const
{
    ApiRequest head;
    const QList<QByteArray> lines = m_head.first(qMin(headSize, m_head.size())).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    head.method = requestLine.value(0);
    for (qsizetype k = 1; k < requestLine.size() && head.target.isEmpty(); ++k)
        head.target = requestLine[k]; // QHttpServer tolerates several spaces
    for (qsizetype k = 1; k < lines.size(); ++k) {
        const QByteArray line = lines[k].endsWith('\r') ? lines[k].chopped(1) : lines[k];
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            head.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    return head;
}

void ConnectionGate::endOfHead(qsizetype headSize)
{
    const ApiRequest head = parseHead(headSize);
    m_head.clear();
    m_lines.enqueue({head.method, head.target});
    m_current = head;

    bool hasLength = false;
    const qint64 length = head.header("content-length").toLongLong(&hasLength);
    const bool chunked = head.header("transfer-encoding").toLower().contains("chunked");
    const bool expectContinue = head.header("expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
    if (chunked) {
        m_state = State::ChunkedBody;
        m_chunkedBytes = 0;
    } else if (hasLength && length > 0) {
        if (length > m_policy->maxBodyBytes) {
            reject(413, QStringLiteral("the request body has %1 bytes, the limit is %2 bytes")
                            .arg(length).arg(m_policy->maxBodyBytes),
                   expectContinue ? 0 : length);
            return;
        }
        m_state = State::Body;
        m_bodyLeft = length;
    } else {
        m_state = State::Head;
        return;
    }
    // QHttpServer 6.4 never answers this, so curl would wait a second before sending the body.
    if (expectContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void ConnectionGate::reject(int status, const QString &message, qint64 drainBytes)
{
    m_state = State::Rejected;
    ApiResponse response = m_policy->reject ? m_policy->reject(m_current, status, message)
                                            : ApiResponse::error(status, message);
    response.setHeader("Connection", "close");
    // Take the connection away from QHttpServer: it must not buffer or answer this request.
    detachFromServer();
    qWarning("HTTP %d for %s %s: %s", status, m_current.method.constData(), m_current.target.left(200).constData(),
             qPrintable(message));
    m_socket->write(response.serialize());
    m_drainLeft = drainBytes > 0 ? drainBytes + m_policy->maxHeadBytes : 0;
    if (m_drainLeft == 0) {
        m_socket->disconnectFromHost();
        return;
    }
    m_drainTimeout.start();
    drain();
}

void ConnectionGate::drain()
{
    m_drainLeft -= m_socket->skip(m_socket->bytesAvailable());
    if (m_drainLeft <= 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

} // namespace ths
