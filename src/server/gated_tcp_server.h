// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A QTcpServer for QHttpServer::bind() that puts a ConnectionGate on every connection, with its readyRead
// handlers ordered around QHttpServer's own: beforeServerRead() is connected when the socket is created (before
// QHttpServer sees it), afterServerRead() once QHttpServer has taken it (pendingConnectionAvailable, to which
// this server connects after QHttpServer does).

#include "server/connection_gate.h"

#include <QList>
#include <QPointer>
#include <QTcpServer>

namespace ths {

class GatedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GatedTcpServer(ConnectionGate::Policy policy, QObject *parent = nullptr);
    // Call right after httpServer->bind(this).
    void attachTo(QObject *httpServer);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void connectAfterHandlers();

    ConnectionGate::Policy m_policy;
    QList<QPointer<QTcpSocket>> m_awaitingAfterHandler;
};

} // namespace ths
