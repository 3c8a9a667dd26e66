// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The API server's listening socket: every accepted connection gets an HttpConnection, up to a cap in total and
// per client address. A connection over a cap is answered 503 at once and closed (it costs a descriptor for a
// moment, never a busy loop: the cap keeps the server far below the process's descriptor limit).

#include "http/http_connection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTcpServer>

namespace ths {

class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    struct Caps {
        int maxConnections = 256;
        int maxPerAddress = 64;
    };
    HttpListener(HttpConnection::Policy policy, Caps caps, QObject *parent = nullptr);

    [[nodiscard]] int connectionCount() const { return m_total; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    void refuse(QTcpSocket *socket, const QString &why);

    HttpConnection::Policy m_policy;
    Caps m_caps;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
    QElapsedTimer m_lastWarning;
};

} // namespace ths
