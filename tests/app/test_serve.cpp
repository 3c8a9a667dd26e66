// SPDX-License-Identifier: GPL-3.0-or-later
// `talkinghead-studio serve` from the outside, with the real networks, over loopback HTTP: the SillyTavern
// client's call sequence, the result_feed stream (rate, frozen frame after unload, change after set_emotion),
// invalid settings rejected while the stream goes on, and a clean stop on SIGTERM.

#include "support/real_weights.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpMultiPart>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>

namespace {

const QByteArray kPartHeader = QByteArrayLiteral("--frame\r\nContent-Type: image/png\r\n\r\n");

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Collects result_feed parts as they arrive.
class FeedReader
{
public:
    FeedReader(QNetworkAccessManager &nam, const QUrl &url)
    {
        m_reply = nam.get(QNetworkRequest(url));
        QObject::connect(m_reply, &QNetworkReply::readyRead, [this] { m_buffer += m_reply->readAll(); split(); });
    }
    ~FeedReader()
    {
        m_reply->abort();
        m_reply->deleteLater();
    }
    const QList<QByteArray> &parts() const { return m_parts; }
    QNetworkReply *reply() const { return m_reply; }

private:
    void split()
    {
        // A part is complete once the next part's header follows it.
        for (;;) {
            const qsizetype start = m_buffer.indexOf(kPartHeader);
            if (start < 0)
                return;
            const qsizetype next = m_buffer.indexOf(kPartHeader, start + kPartHeader.size());
            if (next < 0)
                return;
            QByteArray png = m_buffer.mid(start + kPartHeader.size(), next - start - kPartHeader.size());
            if (png.endsWith("\r\n"))
                png.chop(2);
            m_parts << png;
            m_buffer.remove(0, next);
        }
    }
    QNetworkReply *m_reply;
    QByteArray m_buffer;
    QList<QByteArray> m_parts;
};

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

    QProcess m_server;
    QUrl m_base;
    QNetworkAccessManager m_nam;

    Reply wait(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return r;
    }
    Reply get(const QString &path) { return wait(m_nam.get(QNetworkRequest(m_base.resolved(QUrl(path))))); }
    Reply postJson(const QString &path, const QJsonObject &body)
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return wait(m_nam.post(request, QJsonDocument(body).toJson()));
    }
    Reply upload(const QString &path, const QString &route = QStringLiteral("/api/talkinghead/load"))
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"character.png\""));
        part.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("image/png"));
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        part.setBody(file.readAll());
        multi->append(part);
        QNetworkReply *reply = m_nam.post(QNetworkRequest(m_base.resolved(QUrl(route))), multi);
        multi->setParent(reply);
        return wait(reply);
    }
    static bool isFrame(const QByteArray &png)
    {
        const QImage image = QImage::fromData(png, "PNG");
        return image.size() == QSize(512, 512) && image.hasAlphaChannel();
    }

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        if (!QFile::exists(QStringLiteral(THS_IMAGES_DIR "/lambda_01.png")))
            QSKIP("the second example character is not installed (scripts/test installs it)");
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        // A high speech limit: cleanupTestCase() stops the server in the middle of a long synthesis.
        // --talkinghead-label: clientSequence() is what SillyTavern <= 1.12.12's built-in client does.
        m_server.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                                      QStringLiteral("--max-speech-chars"), QStringLiteral("2000000"),
                                                      QStringLiteral("--talkinghead-label")});
        QVERIFY(m_server.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] {
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Listening on (http://\\S+)"))
                                                  .match(QString::fromUtf8(m_server.peek(4096)));
            if (m.hasMatch())
                m_base = QUrl(m.captured(1));
            return m.hasMatch() || m_server.state() == QProcess::NotRunning;
        }, 60000), "the server did not start");
        QVERIFY2(m_base.isValid(), m_server.readAllStandardError().constData());
    }

    // What SillyTavern does on connect and on a character with talkinghead (docs/http-api.md, "What SillyTavern does").
    void clientSequence()
    {
        Reply r = get(QStringLiteral("/api/modules"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("modules")).toArray().toVariantList(), (QVariantList{QStringLiteral("classify"), QStringLiteral("talkinghead")}));
        r = get(QStringLiteral("/api/classify/labels"));
        QCOMPARE(r.status, 200);
        const QJsonArray labels = r.json().value(QStringLiteral("labels")).toArray();
        QCOMPARE(labels.size(), 29);
        QCOMPARE(labels.last().toString(), QStringLiteral("talkinghead"));

        r = upload(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        QCOMPARE(r.status, 200);
        QCOMPARE(postJson(QStringLiteral("/api/talkinghead/load_emotion_templates"), {}).status, 200);
        QCOMPARE(postJson(QStringLiteral("/api/talkinghead/load_animator_settings"), {}).status, 200);
        r = postJson(QStringLiteral("/api/classify"), {{QStringLiteral("text"), QStringLiteral("Thank you so much, that is really kind of you!")}});
        QCOMPARE(r.status, 200);
        const QJsonArray scores = r.json().value(QStringLiteral("classification")).toArray();
        QCOMPARE(scores.size(), 28);
        QCOMPARE(scores.first().toObject().value(QStringLiteral("label")).toString(), QStringLiteral("gratitude"));
        QCOMPARE(get(QStringLiteral("/api/talkinghead/status")).json().value(QStringLiteral("backend")).toObject().value(QStringLiteral("emotion")).toString(),
                 QStringLiteral("gratitude"));
        QCOMPARE(postJson(QStringLiteral("/api/talkinghead/set_emotion"), {{QStringLiteral("emotion_name"), QStringLiteral("joy")}}).status, 200);
        QCOMPARE(get(QStringLiteral("/api/talkinghead/start_talking")).status, 200);
        QVERIFY(get(QStringLiteral("/api/talkinghead/status")).json().value(QStringLiteral("backend")).toObject().value(QStringLiteral("talking")).toBool());
        QCOMPARE(get(QStringLiteral("/api/talkinghead/stop_talking")).status, 200);
        // Character switch.
        QCOMPARE(upload(QStringLiteral(THS_IMAGES_DIR "/lambda_01.png")).status, 200);
    }

    void resultFeed()
    {
        FeedReader feed(m_nam, m_base.resolved(QUrl(QStringLiteral("/api/talkinghead/result_feed"))));
        QVERIFY(QTest::qWaitFor([&] { return !feed.parts().isEmpty(); }, 60000));
        QCOMPARE(feed.reply()->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("multipart/x-mixed-replace; boundary=frame"));
        const qsizetype first = feed.parts().size();
        QTest::qWait(2500);
        const qsizetype received = feed.parts().size() - first;
        qInfo("result_feed: %lld parts in 2.5 s", qlonglong(received));
        QVERIFY(received >= 40);
        for (qsizetype i = first; i < feed.parts().size(); i += 10)
            QVERIFY(isFrame(feed.parts().at(i)));

        // set_emotion changes the picture.
        const QImage before = QImage::fromData(feed.parts().last());
        QCOMPARE(postJson(QStringLiteral("/api/talkinghead/set_emotion"), {{QStringLiteral("emotion_name"), QStringLiteral("surprise")}}).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return QImage::fromData(feed.parts().last()) != before; }, 30000));

        // An invalid setting is rejected with the field named; the stream goes on.
        const Reply bad = postJson(QStringLiteral("/api/talkinghead/load_animator_settings"), {{QStringLiteral("target_fps"), 0}});
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.body.contains("target_fps"), bad.body.constData());
        // A tiny rate used to be accepted and froze rendering (a 35-day pacing wait).
        const Reply tiny = postJson(QStringLiteral("/api/talkinghead/load_animator_settings"), {{QStringLiteral("target_fps"), 3.3e-7}});
        QCOMPARE(tiny.status, 400);
        QCOMPARE(tiny.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("400: target_fps: 3.3e-07 is out of range; expected a number in [1, 120]"));
        const qsizetype afterBad = feed.parts().size();
        QVERIFY(QTest::qWaitFor([&] { return feed.parts().size() > afterBad + 10; }, 5000));

        // After unload the stream keeps sending, the same frozen frame.
        QCOMPARE(get(QStringLiteral("/api/talkinghead/unload")).status, 200);
        QTest::qWait(3000); // let a render in flight finish
        const qsizetype frozenFrom = feed.parts().size();
        QTest::qWait(1000);
        QVERIFY(feed.parts().size() > frozenFrom + 10);
        for (qsizetype i = frozenFrom + 1; i < feed.parts().size(); ++i)
            QCOMPARE(feed.parts().at(i), feed.parts().at(frozenFrom));
    }

    // Ours: speech and lip-sync routes.
    void speakAndLipSync()
    {
        Reply r = postJson(QStringLiteral("/api/talkinghead/speak"), {{QStringLiteral("text"), QStringLiteral("Hello from the studio.")},
                                                                        {QStringLiteral("voice"), QStringLiteral("en")},
                                                                        {QStringLiteral("start_at"), double(QDateTime::currentMSecsSinceEpoch() + 200)}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("RIFF") && r.body.mid(8, 4) == "WAVE");
        const QByteArray wav = r.body;

        r = postJson(QStringLiteral("/api/talkinghead/speak"), {{QStringLiteral("voice"), QStringLiteral("en")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), QStringLiteral("text"));
        r = postJson(QStringLiteral("/api/talkinghead/speak"), {{QStringLiteral("text"), QStringLiteral("Hi")}, {QStringLiteral("voice"), QStringLiteral("xx-nonexistent")}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("xx-nonexistent"), r.body.constData());
        r = postJson(QStringLiteral("/api/talkinghead/speak"), {{QStringLiteral("text"), QStringLiteral("Hi")}, {QStringLiteral("start_at"), QStringLiteral("soon")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), QStringLiteral("start_at"));

        QTemporaryFile audio(QDir::tempPath() + QStringLiteral("/speech-XXXXXX.wav"));
        QVERIFY(audio.open());
        audio.write(wav);
        audio.close();
        QCOMPARE(upload(audio.fileName(), QStringLiteral("/api/talkinghead/lipsync")).status, 200);
        QTemporaryFile junk;
        QVERIFY(junk.open());
        junk.write("no sound in here");
        junk.close();
        r = upload(junk.fileName(), QStringLiteral("/api/talkinghead/lipsync"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("not audio")), true);
    }

    // 8 viewers for 10 s: all are served, the server's memory stays bounded, and closing them frees the streams.
    void eightViewers()
    {
        QCOMPARE(upload(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")).status, 200); // resume after the unload above
        const auto rssKb = [&] {
            QFile f(QStringLiteral("/proc/%1/status").arg(m_server.processId()));
            f.open(QIODevice::ReadOnly);
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+)")).match(QString::fromLatin1(f.readAll()));
            return m.captured(1).toLongLong();
        };
        // Raw sockets: QNetworkAccessManager opens at most 6 connections per host.
        struct RawViewer {
            QTcpSocket socket;
            qint64 parts = 0;
            QByteArray tail;
        };
        std::vector<std::unique_ptr<RawViewer>> viewers;
        for (int i = 0; i < 8; ++i) {
            auto v = std::make_unique<RawViewer>();
            RawViewer *raw = v.get();
            connect(&raw->socket, &QTcpSocket::readyRead, this, [raw] {
                const QByteArray data = raw->tail + raw->socket.readAll();
                raw->parts += data.count(kPartHeader);
                raw->tail = data.right(kPartHeader.size() - 1); // a header split across reads is counted once
            });
            raw->socket.connectToHost(m_base.host(), quint16(m_base.port()));
            QVERIFY(raw->socket.waitForConnected(5000));
            raw->socket.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            viewers.push_back(std::move(v));
        }
        // Memory: the first seconds include allocator warm-up (new character, first renders); after that, a
        // stream that buffered without bound would grow by ~26 MB/s (8 viewers × 25 fps × 130 kB).
        QTest::qWait(4000);
        std::vector<qint64> counts;
        for (const auto &v : viewers)
            counts.push_back(v->parts);
        // RSS swings by ~90 MB with each frame's intermediates, so compare the means of two 5 s halves of
        // samples taken every 250 ms: unbounded buffering would raise the second by ~130 MB.
        std::vector<qint64> samples;
        for (int i = 0; i < 40; ++i) {
            QTest::qWait(250);
            samples.push_back(rssKb());
        }
        const auto mean = [&](size_t from, size_t to) {
            double sum = 0;
            for (size_t i = from; i < to; ++i)
                sum += double(samples[i]);
            return sum / double(to - from);
        };
        const double first = mean(0, 20), second = mean(20, 40);
        for (size_t i = 0; i < viewers.size(); ++i)
            QVERIFY2(viewers[i]->parts - counts[i] >= 150, qPrintable(QString::number(viewers[i]->parts - counts[i])));
        qInfo("8 viewers, 10 s: mean server RSS %.0f kB, then %.0f kB", first, second);
        QVERIFY(second - first < 64 * 1024);
        QCOMPARE(get(QStringLiteral("/api/talkinghead/status")).json().value(QStringLiteral("stream")).toObject().value(QStringLiteral("viewers")).toInt(), 8);
        viewers.clear();
        QVERIFY(QTest::qWaitFor([&] {
            return get(QStringLiteral("/api/talkinghead/status")).json().value(QStringLiteral("stream")).toObject().value(QStringLiteral("viewers")).toInt() == 0;
        }, 10000));
    }

    void badUploadKeepsServing()
    {
        QTemporaryFile junk;
        QVERIFY(junk.open());
        junk.write("definitely not a picture");
        junk.close();
        const Reply r = upload(junk.fileName());
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("decode-failed"), r.body.constData());
        QCOMPARE(get(QStringLiteral("/api/modules")).status, 200);
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::Running)
            return;
        // SIGTERM in the middle of a long synthesis (about 15 s of espeak-ng's time): the server exits at once
        // instead of finishing it (it used to print "Stopped." and never exit).
        QString text;
        while (text.size() < 300000)
            text += QStringLiteral("A very long text that the server is still speaking when it is told to stop. ");
        QNetworkRequest request(m_base.resolved(QUrl(QStringLiteral("/api/talkinghead/speak"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *speech = m_nam.post(request, QJsonDocument(QJsonObject{{QStringLiteral("text"), text}}).toJson());
        QTest::qWait(2000);
        QVERIFY(!speech->isFinished());
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(m_server.processId()), SIGTERM);
        QVERIFY2(m_server.waitForFinished(10000), "the server did not exit after SIGTERM");
        qInfo("exit %.2f s after SIGTERM", timer.elapsed() / 1000.0);
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "test_serve.moc"
