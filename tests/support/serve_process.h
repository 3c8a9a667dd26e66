// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Starts the real `talkinghead-studio serve` for the benchmarks: any free port, a speech atlas folder of the caller's
// (so that the atlas starts cold), and the URL it prints once it listens.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace ths::test {

// Starts `cliPath serve --port 0 --speech-atlas-dir atlasDir` in `server`; the base URL once it listens, or an invalid
// URL when it exits or does not listen within a minute.
inline QUrl startServe(QProcess &server, const QString &cliPath, const QString &atlasDir)
{
    server.start(cliPath, {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--speech-atlas-dir"), atlasDir});
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 60000 && server.state() != QProcess::NotRunning) {
        server.waitForReadyRead(200);
        const auto m = QRegularExpression(QStringLiteral("Listening on (http://\\S+)")).match(QString::fromUtf8(server.peek(4096)));
        if (m.hasMatch())
            return QUrl(m.captured(1));
    }
    return {};
}

} // namespace ths::test
