// SPDX-License-Identifier: GPL-3.0-or-later
#include "captured_request.h"

#include <QFile>
#include <QList>

namespace ths::test {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(THS_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

CapturedRequest readCaptured(const QString &name)
{
    const QByteArray raw = readData(name);
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    CapturedRequest c;
    for (const QByteArray &line : raw.first(headEnd).split('\n'))
        if (line.toLower().startsWith("content-type:"))
            c.contentType = line.mid(13).trimmed();
    c.body = raw.mid(headEnd + 4);
    return c;
}

} // namespace ths::test
