// SPDX-License-Identifier: GPL-3.0-or-later
// HttpRequestReader, the server's only HTTP parser, without sockets: exact results for valid requests, and a fuzz
// of request lines, headers, framing and bodies (12,000 mutated cases from fixed seeds) asserting that the outcome
// never depends on how the bytes are split into reads (the same requests, or the same refusal — no desync), that
// nothing is consumed beyond a request or after a refusal, and that the limits hold. Under ASan/UBSan
// (-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined) it also checks memory safety.

#include "http_mutator.h"
#include "http/http_request_reader.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ths;

namespace {

struct Outcome {
    QList<QByteArray> requests; // each request described as one string
    int failure = 0;            // the refusal's status, 0 if none
    QString message;
    QString violation;          // an invariant broken while reading
    bool operator==(const Outcome &o) const
    {
        return requests == o.requests && failure == o.failure && message == o.message;
    }
};

QByteArray describe(const HttpRequestReader::Request &r)
{
    QByteArray d = r.request.method + ' ' + r.request.target + (r.http10 ? " 1.0" : " 1.1")
                   + (r.keepAlive ? " keep" : " close") + '\n';
    for (const auto &h : r.request.headers)
        d += h.first + ": " + h.second + '\n';
    return d + "body " + QByteArray::number(r.request.body.size()) + ": " + r.request.body;
}

const HttpRequestReader::Limits kLimits{4096, 1024, 20};

// Feeds `input` in pieces of the given sizes (the last piece takes the rest).
Outcome read(const QByteArray &input, const QList<int> &pieces)
{
    HttpRequestReader reader(kLimits);
    Outcome out;
    qsizetype at = 0;
    for (qsizetype k = 0; at < input.size(); ++k) {
        const qsizetype size = k < pieces.size() ? qMin<qsizetype>(pieces[k], input.size() - at) : input.size() - at;
        QByteArrayView data = QByteArrayView(input).sliced(at, size);
        at += size;
        while (!data.isEmpty()) {
            const HttpRequestReader::Step step = reader.consume(data);
            if (step.consumed < 0 || step.consumed > data.size()) {
                out.violation = QStringLiteral("consumed %1 of %2 bytes").arg(step.consumed).arg(data.size());
                return out;
            }
            data = data.sliced(step.consumed);
            switch (step.event) {
            case HttpRequestReader::Event::NeedMore:
                if (!data.isEmpty())
                    out.violation = QStringLiteral("NeedMore with %1 bytes unconsumed").arg(data.size());
                break;
            case HttpRequestReader::Event::HeadReady:
                break;
            case HttpRequestReader::Event::RequestReady: {
                const HttpRequestReader::Request r = reader.takeRequest();
                if (r.request.body.size() > kLimits.maxBodyBytes)
                    out.violation = QStringLiteral("a body of %1 bytes passed the limit").arg(r.request.body.size());
                out.requests.append(describe(r));
                break;
            }
            case HttpRequestReader::Event::Failed: {
                out.failure = reader.failure().status;
                out.message = reader.failure().message;
                // Stays failed: nothing more is consumed.
                const HttpRequestReader::Step again = reader.consume("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                if (again.consumed != 0 || again.event != HttpRequestReader::Event::Failed)
                    out.violation = QStringLiteral("the reader went on after a refusal");
                return out;
            }
            }
            if (!out.violation.isEmpty())
                return out;
        }
    }
    return out;
}

QList<QByteArray> seeds()
{
    const QByteArray json = R"({"emotion_name": "joy"})";
    return {
        "GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json,
        "POST /api/classify HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5;x=1\r\n{\"tex\r\n10\r\nt\": \"hello there\r\n2\r\n\"}\r\n0\r\nX-T: 1\r\n\r\n",
        "GET /a HTTP/1.0\r\n\r\n",
        "\r\nGET //api/modules?x=1 HTTP/1.1\r\nHost: [::1]:5100\r\nConnection: close\r\n\r\n",
        "GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\nPOST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\n"
        "abcGET /y HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n\r\n",
    };
}


} // namespace

class TestHttpReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validRequests()
    {
        const Outcome o = read(seeds().join(), {});
        QCOMPARE(o.violation, QString());
        QCOMPARE(o.failure, 0);
        QCOMPARE(o.requests.size(), 8);
        QCOMPARE(o.requests[1], QByteArray("POST /api/talkinghead/set_emotion 1.1 keep\nHost: localhost\n"
                                           "Content-Type: application/json\nContent-Length: 23\n"
                                           "body 23: {\"emotion_name\": \"joy\"}"));
        QCOMPARE(o.requests[2], QByteArray("POST /api/classify 1.1 keep\nHost: localhost\nTransfer-Encoding: chunked\n"
                                           "body 23: {\"text\": \"hello there\"}"));
        QVERIFY(o.requests[3].startsWith("GET /a 1.0 close\n"));
        QVERIFY(o.requests[4].startsWith("GET //api/modules?x=1 1.1 close\n"));
        QVERIFY(o.requests[6].endsWith("body 3: abc"));
    }

    // Byte by byte gives exactly what one read gives.
    void everySplitOfTheSeeds()
    {
        const QByteArray all = seeds().join();
        const Outcome whole = read(all, {});
        QList<int> ones(all.size(), 1);
        QCOMPARE(read(all, ones), whole);
        for (int cut = 1; cut < all.size(); ++cut)
            QCOMPARE(read(all, {cut}), whole);
    }

    void fuzz()
    {
        QRandomGenerator random(20261205);
        const QList<QByteArray> base = seeds();
        int refused = 0, accepted = 0;
        for (int i = 0; i < 12000; ++i) {
            QByteArray input = ths::test::mutateHttp(base[i % base.size()], random, 4, true);
            if (i % 5 == 0)
                input += ths::test::mutateHttp(base[(i / 5) % base.size()], random, 4, true); // pipelined
            const Outcome whole = read(input, {});
            QVERIFY2(whole.violation.isEmpty(), qPrintable(QStringLiteral("case %1: %2").arg(i).arg(whole.violation)));
            QList<int> pieces;
            for (qsizetype at = 0; at < input.size(); at += pieces.back())
                pieces.append(1 + int(random.bounded(40)));
            const Outcome split = read(input, pieces);
            QVERIFY2(split.violation.isEmpty(), qPrintable(QStringLiteral("case %1: %2").arg(i).arg(split.violation)));
            if (!(split == whole))
                QFAIL(qPrintable(QStringLiteral("case %1: the outcome depends on the reads (%2 vs %3 requests, %4 vs %5)")
                                     .arg(i).arg(whole.requests.size()).arg(split.requests.size())
                                     .arg(whole.message, split.message)));
            QVERIFY(whole.failure == 0 || (whole.failure >= 400 && whole.failure < 600));
            whole.failure ? ++refused : ++accepted;
        }
        qInfo("12000 cases: %d refused, %d read to the end", refused, accepted);
        QVERIFY(refused > 1000 && accepted > 1000); // the mutations reach both outcomes
    }
};

QTEST_GUILESS_MAIN(TestHttpReader)
#include "test_server_http_reader.moc"
