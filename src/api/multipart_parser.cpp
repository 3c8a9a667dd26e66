// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/multipart_parser.h"

#include <QList>
#include <QPair>

namespace ths {

namespace {

using Params = QList<QPair<QByteArray, QByteArray>>;

bool isSpace(char c) { return c == ' ' || c == '\t'; }

// For messages: at most 40 bytes, control bytes as \xNN, so a hostile body cannot garble a log line.
QString quoted(QByteArrayView bytes)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < qMin<qsizetype>(bytes.size(), 40); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        out += (c >= 0x20 && c < 0x7f) ? QString(QChar(c)) : QStringLiteral("\\x%1").arg(c, 2, 16, QChar('0'));
    }
    return out + (bytes.size() > 40 ? QStringLiteral("…\"") : QStringLiteral("\""));
}

// `type; key=value; key="quoted \" value"` → type (lower case) and parameters (keys lower case, in order).
// Shared by Content-Type and Content-Disposition, whose parameter syntax is the same (RFC 2045 / RFC 6266).
std::optional<QByteArray> parseHeaderValue(QByteArrayView v, Params *params, QString *error)
{
    qsizetype i = v.indexOf(';');
    const QByteArray type = v.first(i < 0 ? v.size() : i).trimmed().toByteArray().toLower();
    i = i < 0 ? v.size() : i;
    while (i < v.size()) {
        ++i; // the ';'
        while (i < v.size() && isSpace(v[i]))
            ++i;
        if (i == v.size())
            break; // a trailing ';' is harmless
        const qsizetype eq = v.indexOf('=', i), semi = v.indexOf(';', i);
        if (eq < 0 || (semi >= 0 && semi < eq)) {
            *error = QStringLiteral("parameter %1 has no value").arg(quoted(v.sliced(i, (semi < 0 ? v.size() : semi) - i)));
            return std::nullopt;
        }
        const QByteArray key = v.sliced(i, eq - i).trimmed().toByteArray().toLower();
        i = eq + 1;
        while (i < v.size() && isSpace(v[i]))
            ++i;
        QByteArray value;
        if (i < v.size() && v[i] == '"') {
            for (++i;; ++i) {
                if (i >= v.size()) {
                    *error = QStringLiteral("parameter \"%1\" has an unterminated quoted string").arg(QString::fromLatin1(key));
                    return std::nullopt;
                }
                if (v[i] == '"')
                    break;
                if (v[i] == '\\' && i + 1 < v.size())
                    ++i;
                value += v[i];
            }
            ++i; // the closing quote
            while (i < v.size() && isSpace(v[i]))
                ++i;
            if (i < v.size() && v[i] != ';') {
                *error = QStringLiteral("parameter \"%1\" has text after its closing quote").arg(QString::fromLatin1(key));
                return std::nullopt;
            }
        } else {
            const qsizetype end = v.indexOf(';', i);
            value = v.sliced(i, (end < 0 ? v.size() : end) - i).trimmed().toByteArray();
            i = end < 0 ? v.size() : end;
        }
        for (const auto &p : std::as_const(*params)) {
            if (p.first == key) {
                *error = QStringLiteral("parameter \"%1\" is given twice").arg(QString::fromLatin1(key));
                return std::nullopt;
            }
        }
        params->append({key, value});
    }
    return type;
}

QByteArray param(const Params &params, QByteArrayView key, bool *found = nullptr)
{
    for (const auto &p : params) {
        if (p.first == key) {
            if (found)
                *found = true;
            return p.second;
        }
    }
    if (found)
        *found = false;
    return {};
}

// The start of the next line "--boundary" at or after `from` (at `from` itself only when atStartOk, else after a
// CRLF), whose tail makes it a boundary line: "--", or optional whitespace then CR, LF or the end of the body.
// Anything else ("--boundaryX") is part data that merely starts like the boundary.
qsizetype findDelimiter(QByteArrayView body, QByteArrayView dash, qsizetype from, bool atStartOk)
{
    auto isDelimiterAt = [&](qsizetype at) {
        qsizetype t = at + dash.size();
        if (body.sliced(t).startsWith("--"))
            return true;
        while (t < body.size() && isSpace(body[t]))
            ++t;
        return t == body.size() || body[t] == '\r' || body[t] == '\n';
    };
    if (atStartOk && body.sliced(from).startsWith(dash) && isDelimiterAt(from))
        return from;
    const QByteArray crlfDash = QByteArray("\r\n") + dash.toByteArray();
    for (qsizetype at = body.indexOf(crlfDash, from); at >= 0; at = body.indexOf(crlfDash, at + 1)) {
        if (isDelimiterAt(at + 2))
            return at + 2;
    }
    return -1;
}

} // namespace

const MultipartPart *MultipartForm::find(QStringView name) const
{
    for (const auto &part : parts)
        if (part.name == name)
            return &part;
    return nullptr;
}

std::optional<QByteArray> MultipartParser::boundary(QByteArrayView contentType, QString *error)
{
    QString reason;
    Params params;
    const auto type = parseHeaderValue(contentType, &params, &reason);
    if (!type)
        reason = QStringLiteral("Content-Type: ") + reason;
    else if (*type != "multipart/form-data")
        reason = QStringLiteral("Content-Type is %1, expected multipart/form-data").arg(quoted(*type));
    bool found = false;
    const QByteArray b = reason.isEmpty() ? param(params, "boundary", &found) : QByteArray();
    if (reason.isEmpty() && !found)
        reason = QStringLiteral("Content-Type has no boundary parameter");
    else if (reason.isEmpty() && b.isEmpty())
        reason = QStringLiteral("the boundary is empty");
    else if (reason.isEmpty() && b.size() > kMaxBoundaryLength)
        reason = QStringLiteral("the boundary has %1 characters, at most %2 are allowed").arg(b.size()).arg(kMaxBoundaryLength);
    for (qsizetype i = 0; reason.isEmpty() && i < b.size(); ++i) {
        // RFC 2046 bchars: digits, letters, '()+_,-./:=? and space (not last).
        const char c = b[i];
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                        || QByteArrayView("'()+_,-./:=?").contains(c) || (c == ' ' && i + 1 < b.size());
        if (!ok)
            reason = QStringLiteral("the boundary contains %1, which RFC 2046 does not allow").arg(quoted(b.sliced(i, 1)));
    }
    if (!reason.isEmpty()) {
        if (error)
            *error = QStringLiteral("multipart: ") + reason;
        return std::nullopt;
    }
    return b;
}

std::optional<MultipartForm> MultipartParser::parse(const QByteArray &body, QByteArrayView contentType,
                                                    QString *error, Limits limits)
{
    const auto b = boundary(contentType, error);
    if (!b)
        return std::nullopt;
    auto fail = [error](const QString &reason) -> std::optional<MultipartForm> {
        if (error)
            *error = QStringLiteral("multipart: ") + reason;
        return std::nullopt;
    };
    const QByteArrayView all(body);
    const QByteArray dash = "--" + *b;

    qsizetype line = findDelimiter(all, dash, 0, true);
    if (line < 0)
        return fail(QStringLiteral("the body contains no boundary line %1").arg(quoted(dash)));
    MultipartForm form;
    for (int index = 1;; ++index) {
        // `line` is the start of a boundary line; what follows it decides: "--" ends the body, CRLF opens a part.
        qsizetype p = line + dash.size();
        if (all.sliced(p).startsWith("--"))
            return form; // the epilogue after the closing boundary is ignored
        while (p < all.size() && isSpace(all[p]))
            ++p;
        if (p == all.size())
            return fail(QStringLiteral("the body ends after a boundary line without the closing %1--").arg(quoted(dash)));
        if (!all.sliced(p).startsWith("\r\n"))
            return fail(QStringLiteral("boundary line %1 is not followed by CRLF (bare LF line breaks are not accepted)").arg(index));
        p += 2;
        if (index > limits.maxParts)
            return fail(QStringLiteral("more than %1 parts").arg(limits.maxParts));

        // Headers: up to the empty line; none at all is "\r\n" straight away.
        qsizetype headerEnd = all.sliced(p).startsWith("\r\n") ? p : all.indexOf("\r\n\r\n", p);
        if (headerEnd < 0 || headerEnd - p > limits.maxHeaderBytes) {
            if (headerEnd < 0 && all.size() - p <= limits.maxHeaderBytes)
                return fail(QStringLiteral("part %1's headers are not ended by an empty line (body truncated?)").arg(index));
            return fail(QStringLiteral("part %1's headers exceed %2 bytes").arg(index).arg(limits.maxHeaderBytes));
        }
        const qsizetype contentStart = headerEnd == p ? p + 2 : headerEnd + 4;
        MultipartPart part;
        bool haveDisposition = false;
        for (qsizetype at = p; at < headerEnd;) {
            const qsizetype eol = all.indexOf("\r\n", at); // always found: the block ends with CRLF CRLF
            const QByteArrayView h = all.sliced(at, eol - at);
            at = eol + 2;
            const qsizetype colon = h.indexOf(':');
            if (colon <= 0 || h.contains('\r') || h.contains('\n'))
                return fail(QStringLiteral("part %1 has a malformed header line %2").arg(index).arg(quoted(h)));
            const QByteArray name = h.first(colon).trimmed().toByteArray().toLower();
            const QByteArrayView value = h.sliced(colon + 1);
            if (name == "content-type") {
                part.contentType = value.trimmed().toByteArray();
            } else if (name == "content-disposition") {
                if (haveDisposition)
                    return fail(QStringLiteral("part %1 has two Content-Disposition headers").arg(index));
                haveDisposition = true;
                Params params;
                QString reason;
                const auto type = parseHeaderValue(value, &params, &reason);
                if (!type)
                    return fail(QStringLiteral("part %1's Content-Disposition: %2").arg(index).arg(reason));
                if (*type != "form-data")
                    return fail(QStringLiteral("part %1's Content-Disposition is %2, expected form-data").arg(index).arg(quoted(*type)));
                bool hasName = false;
                part.name = QString::fromUtf8(param(params, "name", &hasName));
                if (!hasName)
                    return fail(QStringLiteral("part %1's Content-Disposition has no name parameter").arg(index));
                part.fileName = QString::fromUtf8(param(params, "filename", &part.hasFileName));
            }
        }
        if (!haveDisposition)
            return fail(QStringLiteral("part %1 has no Content-Disposition header").arg(index));

        line = findDelimiter(all, dash, contentStart, false);
        if (line < 0)
            return fail(QStringLiteral("part %1 is not ended by a boundary line (body truncated?)").arg(index));
        part.data = body.sliced(contentStart, line - 2 - contentStart);
        form.parts.append(std::move(part));
    }
}

} // namespace ths
