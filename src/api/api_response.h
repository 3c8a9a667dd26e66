// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One HTTP response as the API produces it, independent of the HTTP library, plus its HTTP/1.1 serialisation.
// Errors are always JSON: {"error": "<status>: <message>"} and, when one request field is at fault, "field".

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace ths {

struct ApiResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type and Content-Length
    // result_feed: only the head is final; the transport keeps the connection and writes the frames.
    bool stream = false;
    // A stream's parts: the newest frame at every tick, new or not (Extras' behaviour), or false: a part only for a
    // new frame, and the last one again after a quiet while (result_feed?repeat=0).
    bool streamRepeats = true;

    // Flask's answer to a view returning a string: text/html; charset=utf-8 (what the SillyTavern client gets).
    static ApiResponse text(const QByteArray &body, int status = 200);
    static ApiResponse json(const QJsonObject &object, int status = 200);
    // {"error": "<status>: <message>"[, "field": field]}: the shape of Extras' 401, used for every error here.
    static ApiResponse error(int status, const QString &message, const QString &field = {});

    [[nodiscard]] QByteArray header(QByteArrayView name) const; // case-insensitive, first, or empty
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces every header of that name
    void addHeader(const QByteArray &name, const QByteArray &value);

    // "<version> <status> <reason>", the headers, Content-Length (not for a stream) and, unless `withBody` is
    // false (HEAD), the body.
    [[nodiscard]] QByteArray serialize(bool withBody = true, QByteArrayView version = "HTTP/1.1") const;
    static QByteArray reasonPhrase(int status);
};

} // namespace ths
