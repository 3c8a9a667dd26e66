// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/api_request.h"

#include <QUrl>

namespace ths {

QByteArray ApiRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool ApiRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray ApiRequest::path() const
{
    qsizetype end = target.indexOf('?');
    const qsizetype hash = target.indexOf('#');
    if (end < 0 || (hash >= 0 && hash < end))
        end = hash;
    QByteArray p = QByteArray::fromPercentEncoding(end < 0 ? target : target.first(end));
    // An absolute-form target ("http://host/api/…", allowed by RFC 9112 for proxies) → its path.
    if (p.startsWith("http://") || p.startsWith("https://")) {
        const qsizetype slash = p.indexOf('/', p.indexOf("//") + 2);
        p = slash < 0 ? QByteArray("/") : p.sliced(slash);
    }
    QByteArray out;
    out.reserve(p.size());
    for (const char c : std::as_const(p))
        if (c != '/' || !out.endsWith('/'))
            out += c;
    return out;
}

} // namespace ths
