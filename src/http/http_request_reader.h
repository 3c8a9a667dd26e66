// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads HTTP/1.x requests from a connection's byte stream: the server's only HTTP parser, so nothing else can
// disagree with it about where one request ends and the next begins. It is strict on purpose — whatever it does
// not fully understand is refused rather than guessed at (RFC 9112 allows each of these refusals):
//   - request line: exactly "METHOD SP target SP HTTP/1.1|HTTP/1.0"; known methods only (501 otherwise); the
//     target printable ASCII, a path ("/…"), an absolute URL or "*" (OPTIONS);
//   - every line ends in CRLF; a header line is "name: value" with a token name and no control characters;
//     a line starting with a space or tab (obsolete folding) is refused;
//   - framing: at most one Content-Length (digits only), at most one Transfer-Encoding and it must be exactly
//     "chunked" (501 for others), never both; chunk sizes are hex digits ending in CRLF, chunk data is followed
//     by CRLF;
//   - limits while reading: the head (431), the number of header lines (431) and the body, however it is framed
//     (413 as soon as a Content-Length or the chunks decoded so far exceed it).
// Refusals are 400 unless stated. After a refusal the reader stays failed: the connection must be closed.
//
// No sockets here: HttpConnection feeds it, and the tests feed it any split of any bytes.

#include "api/api_request.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ths {

class HttpRequestReader
{
public:
    struct Limits {
        qint64 maxBodyBytes = 20 * 1024 * 1024;
        qint64 maxHeadBytes = 64 * 1024; // request line + headers (and, separately, chunked trailers)
        int maxHeaderLines = 100;
    };
    enum class Event {
        NeedMore,     // everything given was consumed; the request is not complete yet
        HeadReady,    // a head with a body to come was read (answer "Expect: 100-continue" now); call again
        RequestReady, // takeRequest()
        Failed,       // failure(); nothing more can be read on this connection
    };
    enum class Phase { Idle, Head, Body, Failed };
    struct Step {
        qsizetype consumed = 0;
        Event event = Event::NeedMore;
    };
    struct Request {
        ApiRequest request;
        bool http10 = false;
        bool keepAlive = true;       // false: HTTP/1.0, or "Connection: close"
        bool expectContinue = false; // "Expect: 100-continue" with a body to come
    };
    struct Failure {
        int status = 0;
        QString message;
        qint64 unreadBodyBytes = 0; // a refused Content-Length body the client is likely still sending
    };

    explicit HttpRequestReader(Limits limits) : m_limits(limits) {}

    // Consumes bytes of `data` up to the next event (never beyond the end of the current request).
    Step consume(QByteArrayView data);
    // After RequestReady: the request; the reader then waits for the next one.
    Request takeRequest();
    [[nodiscard]] const Failure &failure() const { return m_failure; }
    // The head read so far, for the answer to a refusal (its Origin); empty before the head was complete.
    [[nodiscard]] const Request &current() const { return m_current; }
    [[nodiscard]] Phase phase() const;

private:
    enum class State { Start, Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    qsizetype readHead(QByteArrayView data, Event *event);
    qsizetype readLine(QByteArrayView data, bool *complete); // into m_line, CRLF-terminated, bounded
    qsizetype readBody(QByteArrayView data);                 // up to m_bodyLeft bytes of the body (or chunk)
    void endOfHead(Event *event);
    void endOfChunkSizeLine(Event *event);
    void fail(int status, const QString &message, qint64 unreadBodyBytes = 0);

    Limits m_limits;
    State m_state = State::Start;
    bool m_started = false;   // bytes of the next request (even blank lines) have arrived
    QByteArray m_head;
    QByteArray m_line;
    qint64 m_bodyLeft = 0;    // Body / ChunkData: bytes still to come
    int m_trailerLines = 0;
    qint64 m_trailerBytes = 0;
    Request m_current;
    Failure m_failure;
};

} // namespace ths
