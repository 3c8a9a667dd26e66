// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/gated_tcp_server.h"

#include <QTcpSocket>

namespace ths {

GatedTcpServer::GatedTcpServer(ConnectionGate::Policy policy, QObject *parent)
    : QTcpServer(parent)
    , m_policy(std::move(policy))
{
}

void GatedTcpServer::attachTo(QObject *httpServer)
{
    m_policy.httpServer = httpServer;
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &GatedTcpServer::connectAfterHandlers);
}

void GatedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        qWarning("GatedTcpServer: cannot take the connection: %s", qPrintable(socket->errorString()));
        delete socket;
        return;
    }
    auto *gate = new ConnectionGate(socket, &m_policy);
    connect(socket, &QIODevice::readyRead, gate, &ConnectionGate::beforeServerRead);
    m_awaitingAfterHandler.append(socket);
    addPendingConnection(socket);
}

void GatedTcpServer::connectAfterHandlers()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_awaitingAfterHandler))
        if (socket)
            if (auto *gate = ConnectionGate::of(socket))
                connect(socket, &QIODevice::readyRead, gate, &ConnectionGate::afterServerRead);
    m_awaitingAfterHandler.clear();
}

} // namespace ths
