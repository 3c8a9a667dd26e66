// SPDX-License-Identifier: GPL-3.0-or-later
#include "http_test_client.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace ths::test {

namespace {

QByteArray findHeader(const Headers &headers, QByteArrayView name)
{
    for (const auto &h : headers)
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

const QByteArray kOpener = "--frame\r\nContent-Type: image/png\r\n\r\n";

} // namespace

QByteArray HttpReply::header(QByteArrayView name) const { return findHeader(headers, name); }
QByteArray RawResponse::header(QByteArrayView name) const { return findHeader(headers, name); }

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

HttpReply HttpTestClient::send(const QByteArray &verb, const QString &path, const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    // QNetworkAccessManager only knows that a HEAD answer has no body when it sent the HEAD itself.
    return finish(verb == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, verb, body));
}

HttpReply HttpTestClient::postJson(const QString &path, const QByteArray &json, const Headers &headers)
{
    Headers all = headers;
    all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", path, json, all);
}

HttpReply HttpTestClient::postFile(const QString &path, const QByteArray &field, const QString &fileName,
                                   const QByteArray &type, const QByteArray &data, const Headers &headers)
{
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"" + field + "\"; filename=\"" + fileName.toUtf8() + "\""));
    part.setHeader(QNetworkRequest::ContentTypeHeader, type);
    part.setBody(data);
    multiPart->append(part);
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.post(request, multiPart);
    multiPart->setParent(reply);
    return finish(reply);
}

HttpReply HttpTestClient::finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    HttpReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.append({h.first, h.second});
    if (reply->error() != QNetworkReply::NoError)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

RawConnection::RawConnection(quint16 port, int receiveBufferSize)
{
    if (receiveBufferSize > 0) {
        // Both: Qt would otherwise read everything the kernel receives into an unbounded buffer of its own.
        m_socket.setReadBufferSize(receiveBufferSize);
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBufferSize);
    }
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

void RawConnection::write(const QByteArray &bytes)
{
    m_socket.write(bytes);
    waitUntil([this] { return m_socket.bytesToWrite() == 0; }, 5000);
}

QByteArray RawConnection::readUntil(const std::function<bool(const QByteArray &)> &enough, int timeoutMs)
{
    waitUntil([&] {
        m_received += m_socket.readAll();
        return (enough && enough(m_received)) || m_socket.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
    m_received += m_socket.readAll();
    return m_received;
}

RawResponse parseResponse(const QByteArray &bytes, qsizetype from)
{
    RawResponse r;
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n", from);
    if (headEnd < 0)
        return r;
    const QList<QByteArray> lines = bytes.sliced(from, headEnd - from).split('\n');
    r.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    const QByteArray length = r.header("content-length");
    const qsizetype bodyStart = headEnd + 4;
    if (length.isEmpty()) {
        r.size = bodyStart - from;
        return r;
    }
    const qsizetype n = length.toLongLong();
    if (bytes.size() - bodyStart < n) {
        r.status = r.status ? r.status : 0;
        return r; // incomplete: size stays 0
    }
    r.body = bytes.sliced(bodyStart, n);
    r.size = bodyStart + n - from;
    return r;
}

FeedViewer::FeedViewer(quint16 port, const QByteArray &extraHeaders, const QByteArray &target)
    : m_connection(port)
{
    m_connection.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
}

void FeedViewer::poll()
{
    const QByteArray &data = m_connection.readUntil([](const QByteArray &) { return true; }, 0);
    if (!m_error.isEmpty())
        return;
    if (m_head.status == 0) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        m_head = parseResponse(data.first(headEnd + 4));
        m_consumed = headEnd + 4;
    }
    for (;;) {
        if (data.size() - m_consumed < kOpener.size())
            return;
        if (data.sliced(m_consumed, kOpener.size()) != kOpener) {
            m_error = QStringLiteral("expected a part header at byte %1").arg(m_consumed);
            return;
        }
        const qsizetype start = m_consumed + kOpener.size();
        const qsizetype end = data.indexOf("\r\n" + kOpener, start);
        if (end < 0)
            return;
        m_parts.append(data.sliced(start, end - start));
        m_consumed = end + 2;
    }
}

bool FeedViewer::waitForParts(int count, int timeoutMs)
{
    return waitUntil([&] {
        poll();
        return m_parts.size() >= count || !m_error.isEmpty() || !m_connection.connected();
    }, timeoutMs) && m_parts.size() >= count;
}

} // namespace ths::test
