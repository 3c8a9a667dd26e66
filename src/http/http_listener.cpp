// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/http_listener.h"

#include <QTcpSocket>
#include <QTimer>

namespace ths {

HttpListener::HttpListener(HttpConnection::Policy policy, Caps caps, QObject *parent)
    : QTcpServer(parent)
    , m_policy(std::move(policy))
    , m_caps(caps)
{
}

void HttpListener::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        qWarning("HttpListener: cannot take the connection: %s", qPrintable(socket->errorString()));
        delete socket;
        return;
    }
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    const QString address = socket->peerAddress().toString();
    if (m_total >= m_caps.maxConnections) {
        refuse(socket, QStringLiteral("the server has %1 open connections, its limit").arg(m_total));
        return;
    }
    if (m_perAddress.value(address) >= m_caps.maxPerAddress) {
        refuse(socket, QStringLiteral("%1 has %2 open connections, the limit per client address")
                           .arg(address).arg(m_perAddress.value(address)));
        return;
    }
    ++m_total;
    ++m_perAddress[address];
    connect(socket, &QObject::destroyed, this, [this, address] {
        --m_total;
        if (--m_perAddress[address] <= 0)
            m_perAddress.remove(address);
    });
    new HttpConnection(socket, &m_policy);
}

void HttpListener::refuse(QTcpSocket *socket, const QString &why)
{
    // Rate-limited: a flood of refused connections must not flood the log as well.
    if (!m_lastWarning.isValid() || m_lastWarning.elapsed() > 10000) {
        m_lastWarning.start();
        qWarning("HTTP 503 to a new connection from %s: %s", qPrintable(socket->peerAddress().toString()), qPrintable(why));
    }
    ApiResponse response = m_policy.reject ? m_policy.reject({}, 503, QStringLiteral("too many connections: %1").arg(why))
                                           : ApiResponse::error(503, QStringLiteral("too many connections: %1").arg(why));
    response.setHeader("Connection", "close");
    response.setHeader("Retry-After", "5");
    socket->write(response.serialize());
    socket->disconnectFromHost();
    QTimer::singleShot(2000, socket, &QAbstractSocket::abort); // if the peer never reads it
}

} // namespace ths
