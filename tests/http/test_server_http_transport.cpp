// SPDX-License-Identifier: GPL-3.0-or-later
// The server's HTTP transport over loopback with raw sockets, as a hostile or sloppy client would use it:
// framing it does not fully understand is refused with an error and a closed connection (never guessed at, so
// no request can hide inside another), the body limit holds for every framing, pipelined requests are answered
// in order, HTTP/1.0 is answered as 1.0 and closed, slow or idle clients time out, and the number of
// connections is capped. Every wait is bounded; no timing is asserted beyond the configured timeouts.

#include "http_mutator.h"
#include "http_test_client.h"
#include "keyword_classifier.h"
#include "painted_backend.h"

#include "http/api_server.h"
#include "http/http_request_reader.h"

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace ths;
using namespace ths::test;

namespace {

QByteArray characterPng()
{
    QImage image(32, 32, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 8; y < 24; ++y)
        for (int x = 8; x < 24; ++x)
            image.setPixelColor(x, y, QColor(250, 200, 170));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray multipartLoad(const QByteArray &png)
{
    const QByteArray body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talkinghead.png\"\r\n"
                            "Content-Type: image/png\r\n\r\n" + png + "\r\n--B--\r\n";
    return "POST /api/talkinghead/load HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=B\r\n"
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QList<RawResponse> responsesIn(const QByteArray &bytes)
{
    QList<RawResponse> answers;
    qsizetype at = 0;
    for (RawResponse r = parseResponse(bytes, at); r.size > 0; r = parseResponse(bytes, at)) {
        answers.append(r);
        at += r.size;
    }
    return answers;
}

QString errorOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString();
}

// What the server must answer to `input` if it reads it like HttpRequestReader: one answer per request up to the
// first that closes the connection, plus the refusal or, for a request left incomplete, the timeout's 408.
struct Expected {
    int answers = 0;
    bool closes = false;
    int lastStatus = 0; // the refusal's or 408, else 0
};
Expected expectedFor(const QByteArray &input, const HttpRequestReader::Limits &limits)
{
    HttpRequestReader reader(limits);
    Expected e;
    QByteArrayView data(input);
    for (;;) {
        const HttpRequestReader::Step step = reader.consume(data);
        data = data.sliced(step.consumed);
        switch (step.event) {
        case HttpRequestReader::Event::HeadReady:
            continue;
        case HttpRequestReader::Event::RequestReady:
            ++e.answers;
            if (!reader.takeRequest().keepAlive) {
                e.closes = true;
                return e;
            }
            continue;
        case HttpRequestReader::Event::Failed:
            ++e.answers;
            e.closes = true;
            e.lastStatus = reader.failure().status;
            return e;
        case HttpRequestReader::Event::NeedMore:
            if (reader.phase() == HttpRequestReader::Phase::Head || reader.phase() == HttpRequestReader::Phase::Body) {
                ++e.answers;
                e.closes = true;
                e.lastStatus = 408;
            }
            return e;
        }
    }
}

// The complete responses in `bytes` (interim 100 Continue skipped); *rest: bytes that are not one.
QList<int> statusesIn(const QByteArray &bytes, qsizetype *rest)
{
    QList<int> statuses;
    qsizetype at = 0;
    for (;;) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (end < 0 || !(bytes.sliced(at).startsWith("HTTP/1.1 ") || bytes.sliced(at).startsWith("HTTP/1.0 ")))
            break;
        const int status = bytes.mid(at + 9, 3).toInt();
        const QByteArray head = bytes.mid(at, end - at).toLower();
        const qsizetype cl = head.indexOf("\r\ncontent-length: ");
        const qint64 length = cl < 0 ? 0 : head.mid(cl + 18, head.indexOf('\r', cl + 2) - cl - 18).toLongLong();
        if (status != 100 && cl < 0)
            break; // every answer here has a length
        if (end + 4 + length > bytes.size())
            break;
        at = end + 4 + length;
        if (status != 100)
            statuses.append(status);
    }
    *rest = bytes.size() - at;
    return statuses;
}


} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

    std::unique_ptr<PaintedBackend> m_backend;
    std::unique_ptr<KeywordClassifier> m_classifier;
    std::unique_ptr<ApiServer> m_server;

    void start(ServerOptions options = {})
    {
        m_server.reset();
        m_backend = std::make_unique<PaintedBackend>(QSize(32, 32));
        m_classifier = std::make_unique<KeywordClassifier>();
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        m_server = std::make_unique<ApiServer>(options, m_backend.get(), m_classifier.get());
        QString error;
        QVERIFY2(m_server->listen(&error), qPrintable(error));
    }

    // Sends `request` on a fresh connection; the first answer, after which the server must close the connection.
    RawResponse refused(const QByteArray &request)
    {
        RawConnection raw(m_server->port());
        raw.write(request);
        const QByteArray bytes = raw.readUntil([](const QByteArray &) { return false; }, 10000); // until closed
        [&] { QVERIFY2(!raw.connected(), "the server kept the connection open"); }();
        const QList<RawResponse> answers = responsesIn(bytes);
        [&] { QCOMPARE(answers.size(), 1); }();
        return answers.value(0);
    }

    void serverStillAnswers()
    {
        RawConnection raw(m_server->port());
        raw.write("GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QCOMPARE(parseResponse(raw.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; })).status, 200);
    }

private Q_SLOTS:
    void init() { start(); }
    void cleanup()
    {
        m_server.reset();
        m_backend.reset();
    }

    // Anything whose framing two HTTP parsers could read differently is refused, never guessed at.
    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QByteArray post = "POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
        const QByteArray json = R"({"emotion_name": "anger"})";
        QTest::newRow("folded Content-Length")
            << post + "Content-Length:\r\n 200000000\r\n\r\n" << 400
            << "400: header line 4 starts with a space or tab (obsolete line folding is not accepted)";
        QTest::newRow("folded Transfer-Encoding")
            << post + "Transfer-Encoding:\r\n\tchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" << 400
            << "400: header line 4 starts with a space or tab (obsolete line folding is not accepted)";
        QTest::newRow("two Content-Lengths")
            << post + "Content-Length: 5\r\nContent-Length: 25\r\n\r\n" + json << 400 << "400: more than one Content-Length header";
        QTest::newRow("equal Content-Lengths")
            << post + "Content-Length: 25\r\nContent-Length: 25\r\n\r\n" + json << 400 << "400: more than one Content-Length header";
        QTest::newRow("Content-Length list")
            << post + "Content-Length: 25, 25\r\n\r\n" + json << 400
            << "400: Content-Length \"25, 25\" is not a decimal number of bytes";
        QTest::newRow("signed Content-Length")
            << post + "Content-Length: +25\r\n\r\n" + json << 400
            << "400: Content-Length \"+25\" is not a decimal number of bytes";
        QTest::newRow("Content-Length and chunked")
            << post + "Content-Length: 25\r\nTransfer-Encoding: chunked\r\n\r\n19\r\n" + json + "\r\n0\r\n\r\n" << 400
            << "400: both Content-Length and Transfer-Encoding (send one of them)";
        QTest::newRow("other Transfer-Encoding")
            << post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" << 501
            << "501: Transfer-Encoding \"gzip, chunked\" is not supported (only \"chunked\")";
        QTest::newRow("invalid chunk size")
            << post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + json + "\r\n0\r\n\r\n" << 400
            << "400: invalid chunk size line \"zz\" (expected hexadecimal digits)";
        QTest::newRow("negative chunk size")
            << post + "Transfer-Encoding: chunked\r\n\r\n-19\r\n" + json + "\r\n0\r\n\r\n" << 400
            << "400: invalid chunk size line \"-19\" (expected hexadecimal digits)";
        QTest::newRow("chunk shorter than its size")
            << post + "Transfer-Encoding: chunked\r\n\r\n5\r\n" + json + "\r\n0\r\n\r\n" << 400
            << "400: chunk data is not followed by CRLF (wrong chunk size?)";
        QTest::newRow("space before colon")
            << QByteArray("GET /api/modules HTTP/1.1\r\nHost: localhost\r\nContent-Length : 5\r\n\r\nhello") << 400
            << "400: malformed header line 2: \"Content-Length : 5\" (expected Name: value, no space before ':')";
        QTest::newRow("lone LF")
            << QByteArray("GET /api/modules HTTP/1.1\nHost: localhost\r\n\r\n") << 400
            << "400: a line of the request head ends in a lone CR or LF (expected CRLF)";
        QTest::newRow("no version")
            << QByteArray("GET /api/modules\r\nHost: localhost\r\n\r\n") << 400
            << "400: malformed request line \"GET /api/modules\" (expected: METHOD /path HTTP/1.1)";
        QTest::newRow("two spaces")
            << QByteArray("GET  /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n") << 400
            << "400: malformed request line \"GET  /api/modules HTTP/1.1\" (expected: METHOD /path HTTP/1.1)";
        QTest::newRow("not a path")
            << QByteArray("GET api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n") << 400
            << "400: the request target \"api/modules\" is not a path starting with '/'";
        QTest::newRow("control character in target")
            << QByteArray("GET /api/\x01modules HTTP/1.1\r\nHost: localhost\r\n\r\n") << 400
            << "400: the request target \"/api/\\x01modules\" contains characters that must be percent-encoded";
        QTest::newRow("HTTP/2.0") << QByteArray("GET /api/modules HTTP/2.0\r\nHost: localhost\r\n\r\n") << 505
                                  << "505: \"HTTP/2.0\" is not supported (HTTP/1.1 or HTTP/1.0)";
        QTest::newRow("garbage version") << QByteArray("GET /api/modules FTP\r\nHost: localhost\r\n\r\n") << 400
                                         << "400: malformed request line \"GET /api/modules FTP\": the version must be "
                                            "HTTP/1.1 or HTTP/1.0";
        QTest::newRow("unknown method") << QByteArray("BREW /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n") << 501
                                        << "501: the method \"BREW\" is not implemented";
        QTest::newRow("no Host") << QByteArray("GET /api/modules HTTP/1.1\r\n\r\n") << 400
                                 << "400: the Host header is required in HTTP/1.1";
        QTest::newRow("two Hosts") << QByteArray("GET /api/modules HTTP/1.1\r\nHost: localhost\r\nHost: y\r\n\r\n") << 400
                                   << "400: more than one Host header";
        QTest::newRow("NUL in a header") << QByteArray("GET /api/modules HTTP/1.1\r\nHost: localhost\r\nX-A: a\0b\r\n\r\n", 56)
                                         << 400 << "400: header \"X-A\" contains a control character";
    }

    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, error);
        const RawResponse answer = refused(request);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.header("connection"), QByteArray("close"));
        QCOMPARE(errorOf(answer), error);
        QCOMPARE(m_backend->emotion(), QStringLiteral("neutral")); // no route ran
        serverStillAnswers();
    }

    // The body of a folded request cannot become a request of its own (it used to run "unload").
    void noRequestHidesInABody()
    {
        RawConnection loader(m_server->port());
        loader.write(multipartLoad(characterPng()));
        QCOMPARE(parseResponse(loader.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; })).status, 200);
        QVERIFY(!m_backend->paused());

        const QByteArray hidden = "GET /api/talkinghead/unload HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawConnection raw(m_server->port());
        raw.write("POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Length:\r\n "
                  + QByteArray::number(hidden.size()) + "\r\n\r\n" + hidden + "GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const QList<RawResponse> answers = responsesIn(raw.readUntil([](const QByteArray &) { return false; }, 10000));
        QVERIFY(!raw.connected());
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].status, 400);
        QVERIFY(!m_backend->paused());
    }

    // The limit holds for every framing, while reading: a huge chunk is refused by its size line, before its data.
    void bodyLimitForEveryFraming()
    {
        ServerOptions options;
        options.maxUploadBytes = 64 * 1024;
        start(options);
        const QByteArray head = "POST /api/talkinghead/load HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawResponse answer = refused(head + "7fffffffffff\r\n");
        QCOMPARE(answer.status, 413);
        QCOMPARE(errorOf(answer), QStringLiteral("413: the chunked request body exceeds the limit of 65536 bytes"));
        // Small chunks adding up to more than the limit.
        QByteArray chunks;
        for (int i = 0; i < 70; ++i)
            chunks += "400\r\n" + QByteArray(1024, 'z') + "\r\n";
        answer = refused(head + chunks);
        QCOMPARE(answer.status, 413);
        // Content-Length over the limit: refused from the head.
        answer = refused("POST /api/talkinghead/load HTTP/1.1\r\nHost: localhost\r\nContent-Length: 200000000\r\n\r\n");
        QCOMPARE(answer.status, 413);
        QCOMPARE(errorOf(answer), QStringLiteral("413: the request body has 200000000 bytes, the limit is 65536 bytes"));
        serverStillAnswers();
    }

    // A valid chunked body with extensions and trailers is decoded.
    void chunkedWithExtensionsAndTrailers()
    {
        RawConnection raw(m_server->port());
        raw.write("POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: Chunked\r\n\r\n"
                  "a;note=1\r\n{\"emotion_\r\nf\r\nname\": \"anger\"}\r\n0\r\nX-Trailer: yes\r\n\r\n");
        const RawResponse answer = parseResponse(raw.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("emotion set to anger"));
    }

    // An asynchronous answer (load) is still sent before the answer to the request pipelined after it.
    void pipelinedAnswersInOrder()
    {
        RawConnection raw(m_server->port());
        raw.write(multipartLoad(characterPng()) + "GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  + "GET /api/talkinghead/stop_talking HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QList<RawResponse> answers;
        raw.readUntil([&](const QByteArray &b) {
            answers = responsesIn(b);
            return answers.size() == 3;
        });
        QCOMPARE(answers.size(), 3);
        QCOMPARE(answers[0].body, QByteArray("OK"));
        QVERIFY(answers[1].body.contains("\"modules\""));
        QCOMPARE(answers[2].body, QByteArray("talking stopped"));
        QVERIFY(raw.connected()); // keep-alive
    }

    void http10IsAnsweredAs10AndClosed()
    {
        RawConnection raw(m_server->port());
        raw.write("GET /api/modules HTTP/1.0\r\n\r\n");
        const QByteArray bytes = raw.readUntil([](const QByteArray &) { return false; }, 10000);
        QVERIFY(bytes.startsWith("HTTP/1.0 200 OK\r\n"));
        QCOMPARE(parseResponse(bytes).header("connection"), QByteArray("close"));
        QVERIFY(!raw.connected());
    }

    void slowAndIdleClientsTimeOut()
    {
        ServerOptions options;
        options.headerTimeoutMs = 300;
        options.bodyTimeoutMs = 300;
        options.idleTimeoutMs = 600;
        start(options);
        // A head that never ends, even if a byte keeps coming.
        RawConnection slowHead(m_server->port());
        slowHead.write("GET /api/modules HTTP/1.1\r\n");
        for (int i = 0; i < 8 && slowHead.connected(); ++i) {
            slowHead.write("X");
            QTest::qWait(100);
        }
        RawResponse answer = parseResponse(slowHead.readUntil([](const QByteArray &) { return false; }, 10000));
        QCOMPARE(answer.status, 408);
        QCOMPARE(errorOf(answer), QStringLiteral("408: the request head was not complete within 0.3 s"));
        QVERIFY(!slowHead.connected());
        // A body shorter than its Content-Length.
        RawConnection shortBody(m_server->port());
        shortBody.write("POST /api/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te");
        answer = parseResponse(shortBody.readUntil([](const QByteArray &) { return false; }, 10000));
        QCOMPARE(answer.status, 408);
        QCOMPARE(errorOf(answer), QStringLiteral("408: no part of the request body arrived for 0.3 s"));
        QVERIFY(!shortBody.connected());
        // An idle keep-alive connection is closed without an answer; a busy one is not.
        RawConnection idle(m_server->port());
        idle.write("GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const QByteArray bytes = idle.readUntil([](const QByteArray &) { return false; }, 10000);
        QCOMPARE(responsesIn(bytes).size(), 1);
        QVERIFY(!idle.connected());
    }

    // The whole front over loopback, against the reader as a model: for 500 mutated (often pipelined) requests the
    // server sends exactly the well-formed answers the model predicts, in order, then closes where it predicts a
    // close — never a crash, never an answer for a request hidden in another.
    void fuzzAgainstTheReader()
    {
        ServerOptions options;
        options.maxUploadBytes = 4096;
        options.headerTimeoutMs = 100; // incomplete cases end in a 408 soon
        options.bodyTimeoutMs = 100;
        start(options);
        HttpRequestReader::Limits limits;
        limits.maxBodyBytes = options.maxUploadBytes;
        const QByteArray json = R"({"text": "I am so happy"})";
        const QList<QByteArray> seeds{
            "GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "POST /api/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(json.size()) + "\r\n\r\n" + json,
            "POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"emotio\r\n11\r\nn_name\": \"anger\"}\r\n0\r\n\r\n",
            "GET /api/classify/labels HTTP/1.0\r\n\r\n",
            "OPTIONS /api/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:8000\r\n"
            "Access-Control-Request-Method: POST\r\n\r\n",
            "GET /api/nothing HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi",
        };
        QRandomGenerator random(1205);
        int refused = 0;
        for (int i = 0; i < 500; ++i) {
            QByteArray input = ths::test::mutateHttp(seeds[i % seeds.size()], random, 3, false);
            if (i % 3 == 0)
                input += ths::test::mutateHttp(seeds[(i / 3 + 1) % seeds.size()], random, 3, false);
            const Expected expected = expectedFor(input, limits);
            RawConnection raw(m_server->port());
            raw.write(input);
            qsizetype rest = 0;
            QList<int> statuses;
            const QByteArray bytes = raw.readUntil([&](const QByteArray &b) {
                statuses = statusesIn(b, &rest);
                return statuses.size() >= expected.answers && !expected.closes;
            }, 5000);
            statuses = statusesIn(bytes, &rest);
            const QString what = QStringLiteral("case %1: %2").arg(i).arg(QString::fromLatin1(input.toPercentEncoding(" /:;")).left(300));
            QVERIFY2(rest == 0, qPrintable(what + QStringLiteral(": %1 bytes that are no answer").arg(rest)));
            QVERIFY2(statuses.size() == expected.answers,
                     qPrintable(what + QStringLiteral(": %1 answers, expected %2").arg(statuses.size()).arg(expected.answers)));
            if (expected.lastStatus)
                QVERIFY2(statuses.last() == expected.lastStatus,
                         qPrintable(what + QStringLiteral(": last status %1, expected %2").arg(statuses.last()).arg(expected.lastStatus)));
            if (expected.closes)
                QVERIFY2(!raw.connected(), qPrintable(what + QStringLiteral(": not closed")));
            refused += expected.lastStatus != 0;
        }
        qInfo("500 cases, %d refused or timed out", refused);
        serverStillAnswers();
    }

    void connectionsAreCapped()
    {
        ServerOptions options;
        options.maxConnectionsPerAddress = 4;
        start(options);
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<RawConnection>(m_server->port()));
            QVERIFY(held.back()->connected());
        }
        QVERIFY(waitUntil([&] { return m_server->findChildren<QTcpSocket *>().size() == 4; }));
        RawConnection extra(m_server->port());
        const RawResponse answer = parseResponse(extra.readUntil([](const QByteArray &) { return false; }, 10000));
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.header("retry-after"), QByteArray("5"));
        QVERIFY(errorOf(answer).startsWith(QStringLiteral("503: too many connections: 127.0.0.1 has 4 open connections")));
        QVERIFY(!extra.connected());
        // A held connection still works, and once one closes there is room again.
        held[0]->write("GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QCOMPARE(parseResponse(held[0]->readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; })).status, 200);
        held[1]->close();
        QVERIFY(waitUntil([&] { return m_server->findChildren<QTcpSocket *>().size() == 3; }));
        serverStillAnswers();
    }
};

QTEST_MAIN(TestHttpTransport)
#include "test_server_http_transport.moc"
