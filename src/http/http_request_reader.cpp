// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/http_request_reader.h"

#include <algorithm>

namespace ths {

namespace {

constexpr qsizetype kMaxChunkLine = 4096; // a chunk size with its extensions

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

// Field values: visible ASCII, space, tab and bytes ≥ 0x80 (obs-text); no other control characters.
bool isFieldValue(QByteArrayView s)
{
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

QByteArrayView trimmedBlanks(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// For messages: at most 60 characters of what the client sent, non-printable bytes escaped.
QString quoted(QByteArrayView s)
{
    QString out;
    for (const char c : s.first(qMin<qsizetype>(s.size(), 60))) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? QString(QLatin1Char(c)) : QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (s.size() > 60)
        out += QStringLiteral("… (%1 bytes)").arg(s.size());
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool isKnownMethod(QByteArrayView m)
{
    static const QByteArrayView known[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    return std::any_of(std::begin(known), std::end(known), [&](QByteArrayView k) { return k == m; });
}

bool isTargetChar(char c)
{
    return c > 0x20 && c < 0x7f;
}

} // namespace

HttpRequestReader::Phase HttpRequestReader::phase() const
{
    switch (m_state) {
    case State::Start: return m_started ? Phase::Head : Phase::Idle;
    case State::Head: return Phase::Head;
    case State::Failed: return Phase::Failed;
    default: return Phase::Body;
    }
}

void HttpRequestReader::fail(int status, const QString &message, qint64 unreadBodyBytes)
{
    m_state = State::Failed;
    m_failure = {status, message, unreadBodyBytes};
    m_head.clear();
    m_line.clear();
}

HttpRequestReader::Request HttpRequestReader::takeRequest()
{
    Request r = std::move(m_current);
    m_current = {};
    if (m_state == State::Done) {
        m_state = State::Start;
        m_started = false;
    }
    return r;
}

HttpRequestReader::Step HttpRequestReader::consume(QByteArrayView data)
{
    Step step;
    while (step.event == Event::NeedMore && step.consumed < data.size()) {
        const QByteArrayView rest = data.sliced(step.consumed);
        switch (m_state) {
        case State::Start: {
            // Blank lines before a request are ignored (RFC 9112 §2.2); the header timeout still runs.
            qsizetype n = 0;
            while (n < rest.size() && (rest[n] == '\r' || rest[n] == '\n'))
                ++n;
            m_started = true;
            step.consumed += n;
            if (n < rest.size())
                m_state = State::Head;
            break;
        }
        case State::Head:
            step.consumed += readHead(rest, &step.event);
            break;
        case State::Body: {
            step.consumed += readBody(rest);
            if (m_bodyLeft == 0) {
                m_state = State::Done;
                step.event = Event::RequestReady;
            }
            break;
        }
        case State::ChunkSize: {
            bool complete = false;
            step.consumed += readLine(rest, &complete);
            if (complete)
                endOfChunkSizeLine(&step.event);
            break;
        }
        case State::ChunkData: {
            step.consumed += readBody(rest);
            if (m_bodyLeft == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            // Exactly CRLF after the data: anything else means the chunk size was wrong (checked below).
            const qsizetype take = qMin<qsizetype>(rest.size(), 2 - m_line.size());
            m_line.append(rest.first(take));
            step.consumed += take;
            break;
        }
        case State::Trailers: {
            bool complete = false;
            step.consumed += readLine(rest, &complete);
            if (m_state == State::Failed) {
                step.event = Event::Failed;
                break;
            }
            if (!complete)
                break;
            if (m_line.isEmpty()) {
                m_state = State::Done;
                step.event = Event::RequestReady;
                break;
            }
            // Trailer fields are checked like header fields and then dropped: nothing here uses them.
            m_trailerBytes += m_line.size() + 2;
            const qsizetype colon = m_line.indexOf(':');
            if (m_line.front() == ' ' || m_line.front() == '\t' || colon <= 0 || !isToken(QByteArrayView(m_line).first(colon))
                || !isFieldValue(QByteArrayView(m_line).sliced(colon + 1)))
                fail(400, QStringLiteral("malformed trailer line %1 after the last chunk").arg(quoted(m_line)));
            else if (++m_trailerLines > m_limits.maxHeaderLines || m_trailerBytes > m_limits.maxHeadBytes)
                fail(431, QStringLiteral("the trailer fields after the last chunk exceed %1 lines or %2 bytes")
                              .arg(m_limits.maxHeaderLines).arg(m_limits.maxHeadBytes));
            m_line.clear();
            break;
        }
        case State::Done:
            return step; // takeRequest() first
        case State::Failed:
            step.event = Event::Failed;
            return step;
        }
        if (m_state == State::ChunkDataEnd && m_line.size() == 2) {
            if (m_line != "\r\n") {
                fail(400, QStringLiteral("chunk data is not followed by CRLF (wrong chunk size?)"));
            } else {
                m_line.clear();
                m_state = State::ChunkSize;
            }
        }
        if (m_state == State::Failed)
            step.event = Event::Failed;
    }
    return step;
}

qsizetype HttpRequestReader::readBody(QByteArrayView data)
{
    const qsizetype take = qsizetype(qMin<qint64>(m_bodyLeft, data.size()));
    m_current.request.body.append(data.first(take));
    m_bodyLeft -= take;
    return take;
}

qsizetype HttpRequestReader::readLine(QByteArrayView data, bool *complete)
{
    // Byte by byte: these lines are a few bytes long (chunk sizes, trailers), and a lone CR or LF is refused.
    qsizetype n = 0;
    while (n < data.size()) {
        const char c = data[n++];
        if (!m_line.isEmpty() && m_line.back() == '\r') {
            if (c != '\n') {
                fail(400, QStringLiteral("a line in the chunked body has a CR without LF"));
                return n;
            }
            m_line.chop(1);
            *complete = true;
            return n;
        }
        if (c == '\n') {
            fail(400, QStringLiteral("a line in the chunked body ends in LF without CR"));
            return n;
        }
        m_line += c;
        if (m_line.size() > kMaxChunkLine) {
            fail(400, QStringLiteral("a line in the chunked body is longer than %1 bytes").arg(kMaxChunkLine));
            return n;
        }
    }
    return n;
}

qsizetype HttpRequestReader::readHead(QByteArrayView data, Event *event)
{
    const qsizetype before = m_head.size();
    const qsizetype room = m_limits.maxHeadBytes + 4 - before;
    m_head.append(data.first(qMin(data.size(), room)));
    const qsizetype end = m_head.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
    if (end < 0) {
        const qsizetype consumed = m_head.size() - before; // before fail() clears m_head
        if (m_head.size() > m_limits.maxHeadBytes) {
            fail(431, QStringLiteral("the request line and headers exceed %1 bytes").arg(m_limits.maxHeadBytes));
            *event = Event::Failed;
        }
        return consumed;
    }
    m_head.truncate(end + 4);
    const qsizetype consumed = m_head.size() - before;
    endOfHead(event);
    return consumed;
}

void HttpRequestReader::endOfHead(Event *event)
{
    const QByteArray head = std::exchange(m_head, {});
    const QByteArrayView text = QByteArrayView(head).chopped(4); // without the final CRLF CRLF
    m_current = {};
    *event = Event::Failed;

    // Every line ends in CRLF: no lone CR or LF anywhere (two parsers could split those differently).
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool crlf = (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                          || (text[i] == '\n' && i > 0 && text[i - 1] == '\r');
        if ((text[i] == '\r' || text[i] == '\n') && !crlf)
            return fail(400, QStringLiteral("a line of the request head ends in a lone CR or LF (expected CRLF)"));
    }
    QList<QByteArrayView> lines;
    for (qsizetype from = 0;;) {
        const qsizetype eol = text.indexOf("\r\n", from);
        lines.append(text.sliced(from, (eol < 0 ? text.size() : eol) - from));
        if (eol < 0)
            break;
        from = eol + 2;
    }

    // The request line.
    const QByteArrayView line = lines.front();
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 == sp1 + 1)
        return fail(400, QStringLiteral("malformed request line %1 (expected: METHOD /path HTTP/1.1)").arg(quoted(line)));
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("malformed request line %1: the method is not a token").arg(quoted(line)));
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.';
        return fail(looksLikeHttp ? 505 : 400, looksLikeHttp
                        ? QStringLiteral("%1 is not supported (HTTP/1.1 or HTTP/1.0)").arg(quoted(version))
                        : QStringLiteral("malformed request line %1: the version must be HTTP/1.1 or HTTP/1.0")
                              .arg(quoted(line)));
    }
    if (!std::all_of(target.begin(), target.end(), isTargetChar))
        return fail(400, QStringLiteral("the request target %1 contains characters that must be percent-encoded")
                             .arg(quoted(target)));
    const bool originForm = target.startsWith('/');
    const QByteArray scheme = target.first(qMin<qsizetype>(target.size(), 8)).toByteArray().toLower();
    const bool absoluteForm = scheme.startsWith("http://") || scheme.startsWith("https://");
    if (!originForm && !absoluteForm && !(method == "OPTIONS" && target == "*"))
        return fail(400, QStringLiteral("the request target %1 is not a path starting with '/'").arg(quoted(target)));
    m_current.request.method = method.toByteArray();
    m_current.request.target = target.toByteArray();
    m_current.http10 = version == "HTTP/1.0";

    // The header lines.
    if (lines.size() - 1 > m_limits.maxHeaderLines)
        return fail(431, QStringLiteral("the request has %1 header lines, the limit is %2")
                             .arg(lines.size() - 1).arg(m_limits.maxHeaderLines));
    for (qsizetype k = 1; k < lines.size(); ++k) {
        const QByteArrayView l = lines[k];
        if (l.front() == ' ' || l.front() == '\t')
            return fail(400, QStringLiteral("header line %1 starts with a space or tab (obsolete line folding is not "
                                            "accepted)").arg(k));
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 || !isToken(l.first(colon)))
            return fail(400, QStringLiteral("malformed header line %1: %2 (expected Name: value, no space before ':')")
                                 .arg(k).arg(quoted(l)));
        const QByteArrayView value = trimmedBlanks(l.sliced(colon + 1));
        if (!isFieldValue(value))
            return fail(400, QStringLiteral("header %1 contains a control character").arg(quoted(l.first(colon))));
        m_current.request.headers.append({l.first(colon).toByteArray(), value.toByteArray()});
    }
    if (!isKnownMethod(method))
        return fail(501, QStringLiteral("the method %1 is not implemented").arg(quoted(method)));

    // Framing: only what is unambiguous.
    const ApiRequest &r = m_current.request;
    int lengths = 0, encodings = 0, hosts = 0;
    for (const auto &h : r.headers) {
        lengths += QByteArrayView("content-length").compare(h.first, Qt::CaseInsensitive) == 0;
        encodings += QByteArrayView("transfer-encoding").compare(h.first, Qt::CaseInsensitive) == 0;
        hosts += QByteArrayView("host").compare(h.first, Qt::CaseInsensitive) == 0;
    }
    if (hosts > 1 || (hosts == 0 && !m_current.http10))
        return fail(400, hosts ? QStringLiteral("more than one Host header")
                               : QStringLiteral("the Host header is required in HTTP/1.1"));
    if (lengths > 1)
        return fail(400, QStringLiteral("more than one Content-Length header"));
    if (encodings > 1)
        return fail(400, QStringLiteral("more than one Transfer-Encoding header"));
    if (lengths && encodings)
        return fail(400, QStringLiteral("both Content-Length and Transfer-Encoding (send one of them)"));
    bool close = false;
    for (const QByteArray &option : r.header("connection").split(','))
        close = close || trimmedBlanks(option).compare("close", Qt::CaseInsensitive) == 0;
    m_current.keepAlive = !m_current.http10 && !close;
    const bool expectContinue = r.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    if (encodings) {
        const QByteArray encoding = r.header("transfer-encoding");
        if (m_current.http10)
            return fail(400, QStringLiteral("Transfer-Encoding is not allowed in HTTP/1.0"));
        if (encoding.compare("chunked", Qt::CaseInsensitive) != 0)
            return fail(501, QStringLiteral("Transfer-Encoding %1 is not supported (only \"chunked\")").arg(quoted(encoding)));
        m_current.expectContinue = expectContinue;
        m_state = State::ChunkSize;
        m_line.clear();
        m_trailerLines = 0;
        m_trailerBytes = 0;
        *event = Event::HeadReady;
        return;
    }
    if (lengths) {
        const QByteArray value = r.header("content-length");
        if (value.isEmpty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return fail(400, QStringLiteral("Content-Length %1 is not a decimal number of bytes").arg(quoted(value)));
        const qint64 length = value.toLongLong();
        if (length > m_limits.maxBodyBytes)
            return fail(413, QStringLiteral("the request body has %1 bytes, the limit is %2 bytes")
                                 .arg(length).arg(m_limits.maxBodyBytes),
                        expectContinue ? 0 : length);
        if (length > 0) {
            m_current.expectContinue = expectContinue;
            m_bodyLeft = length;
            m_state = State::Body;
            *event = Event::HeadReady;
            return;
        }
    }
    m_state = State::Done;
    *event = Event::RequestReady;
}

void HttpRequestReader::endOfChunkSizeLine(Event *event)
{
    const QByteArray line = std::exchange(m_line, {});
    qsizetype digits = 0;
    while (digits < line.size() && QByteArrayView("0123456789abcdefABCDEF").contains(line[digits]))
        ++digits;
    // Chunk extensions (";name=value") are allowed and ignored.
    const QByteArrayView rest = trimmedBlanks(QByteArrayView(line).sliced(digits));
    if (digits == 0 || digits > 15 || !(rest.isEmpty() || (rest.front() == ';' && isFieldValue(rest)))) {
        fail(400, QStringLiteral("invalid chunk size line %1 (expected hexadecimal digits)").arg(quoted(line)));
        *event = Event::Failed;
        return;
    }
    const qint64 size = line.first(digits).toLongLong(nullptr, 16);
    if (size == 0) {
        m_state = State::Trailers;
        return;
    }
    if (m_current.request.body.size() + size > m_limits.maxBodyBytes) {
        fail(413, QStringLiteral("the chunked request body exceeds the limit of %1 bytes").arg(m_limits.maxBodyBytes));
        *event = Event::Failed;
        return;
    }
    m_bodyLeft = size;
    m_state = State::ChunkData;
}

} // namespace ths
