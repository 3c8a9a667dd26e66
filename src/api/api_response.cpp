// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/api_response.h"

#include <QJsonDocument>

namespace ths {

ApiResponse ApiResponse::text(const QByteArray &body, int status)
{
    return ApiResponse{status, QByteArrayLiteral("text/html; charset=utf-8"), body, {}, false};
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    return ApiResponse{status, QByteArrayLiteral("application/json"),
                       QJsonDocument(object).toJson(QJsonDocument::Compact), {}, false};
}

ApiResponse ApiResponse::error(int status, const QString &message, const QString &field)
{
    QJsonObject body{{QStringLiteral("error"), QStringLiteral("%1: %2").arg(status).arg(message)}};
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return json(body, status);
}

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

void ApiResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const auto &h) { return name.compare(h.first, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

void ApiResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
}

QByteArray ApiResponse::serialize(bool withBody, QByteArrayView version) const
{
    QByteArray out = version.toByteArray() + ' ' + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (!stream)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    if (withBody && !stream)
        out += body;
    return out;
}

QByteArray ApiResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 421: return "Misdirected Request";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
    }
}

} // namespace ths
