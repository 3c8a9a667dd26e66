// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loopback HTTP for the server tests. The server runs on the test's own thread, so nothing here blocks: every
// wait spins the event loop (QNetworkAccessManager for ordinary requests, a raw QTcpSocket where the exact bytes
// matter: 100-continue, pipelining, "//api", result_feed parts).

#include <QByteArray>
#include <QHostAddress>
#include <QHttpMultiPart>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace ths::test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct HttpReply {
    int status = 0; // 0: no HTTP answer (see error)
    QByteArray body;
    Headers headers;
    QString error;  // QNetworkReply's error string when the transfer failed
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QJsonObject json() const;
};

// Spins the event loop until `done()` or `timeoutMs`; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000);

class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl base) : m_base(std::move(base)) {}

    HttpReply send(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const Headers &headers = {});
    HttpReply get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }
    HttpReply postJson(const QString &path, const QByteArray &json, const Headers &headers = {});
    // multipart/form-data with one file part (name, file name, content type, bytes), as browsers send FormData.
    HttpReply postFile(const QString &path, const QByteArray &field, const QString &fileName, const QByteArray &type,
                       const QByteArray &data, const Headers &headers = {});

private:
    HttpReply finish(class QNetworkReply *reply);

    QUrl m_base;
    QNetworkAccessManager m_nam;
};

// One raw connection: write bytes, read what comes back.
class RawConnection
{
public:
    explicit RawConnection(quint16 port, int receiveBufferSize = 0);
    [[nodiscard]] bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void write(const QByteArray &bytes);
    // Reads until `enough(received)` is true, the peer closes, or the timeout; returns everything received.
    QByteArray readUntil(const std::function<bool(const QByteArray &)> &enough, int timeoutMs = 10000);
    QByteArray received() const { return m_received; }
    void close() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

// A parsed HTTP/1.1 response from raw bytes (status line, headers, Content-Length body).
struct RawResponse {
    int status = 0;
    Headers headers;
    QByteArray body;
    qsizetype size = 0; // bytes it took (for pipelined answers); 0 when incomplete
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};
RawResponse parseResponse(const QByteArray &bytes, qsizetype from = 0);

// A result_feed viewer on a raw connection: collects the PNG parts of the multipart/x-mixed-replace body.
class FeedViewer
{
public:
    explicit FeedViewer(quint16 port, const QByteArray &extraHeaders = {},
                        const QByteArray &target = "/api/talkinghead/result_feed");
    // Processes what has arrived; the head once complete, then every finished part.
    void poll();
    bool waitForParts(int count, int timeoutMs = 15000);
    [[nodiscard]] const RawResponse &head() const { return m_head; }
    [[nodiscard]] const QList<QByteArray> &parts() const { return m_parts; }
    [[nodiscard]] QString error() const { return m_error; }
    void close() { m_connection.close(); }
    [[nodiscard]] bool connected() const { return m_connection.connected(); }
    // Sends more bytes on the stream's connection (a client misbehaving).
    void send(const QByteArray &bytes) { m_connection.write(bytes); }

private:
    RawConnection m_connection;
    RawResponse m_head;
    qsizetype m_consumed = 0; // bytes of m_connection.received() already parsed
    QList<QByteArray> m_parts;
    QString m_error;
};

} // namespace ths::test
