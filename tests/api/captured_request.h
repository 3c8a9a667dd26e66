// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test support: the request captures in tests/api/data (*.http, recorded from curl and Python requests).

#include <QByteArray>
#include <QString>

namespace ths::test {

// A file of tests/api/data; a missing file is a fatal test set-up error.
QByteArray readData(const QString &name);

// A captured request: its Content-Type header value and its body.
struct CapturedRequest {
    QByteArray contentType;
    QByteArray body;
};
CapturedRequest readCaptured(const QString &name);

} // namespace ths::test
