// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP API end to end over loopback: a real ApiServer on an ephemeral port, a real backend that renders PNG
// frames on its own thread (PaintedBackend), requests through QNetworkAccessManager and, where the exact bytes
// matter, a raw socket. Checks status codes, content types and bodies as the SillyTavern client sees them,
// CORS on every answer, auth, module switches, uploads and their limits, and result_feed with several viewers.
// No timing is asserted; waits only bound how long the test may hang.

#include "http_test_client.h"
#include "keyword_classifier.h"
#include "painted_backend.h"

#include "http/api_server.h"
#include "api/frame_hub.h"
#include "http/frame_stream.h"
#include "http/http_listener.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ths;
using namespace ths::test;

namespace {

// A small character with real transparency, as PNG.
QByteArray characterPng(QSize size = QSize(64, 64), bool alpha = true, const char *format = "PNG")
{
    QImage image(size, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(alpha ? Qt::transparent : Qt::white);
    QPainter p(&image);
    p.setBrush(QColor(250, 200, 170));
    p.drawEllipse(QRect(QPoint(8, 8), size - QSize(16, 16)));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QImage decodePng(const QByteArray &png)
{
    QImage image;
    image.loadFromData(png, "PNG");
    return image;
}

const QByteArray kOrigin = "http://localhost:8000";

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<PaintedBackend> m_backend;
    std::unique_ptr<KeywordClassifier> m_classifier;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;

    void start(ServerOptions options = {}, QSize frameSize = QSize(96, 96))
    {
        m_client.reset();
        m_server.reset();
        m_backend = std::make_unique<PaintedBackend>(frameSize);
        m_classifier = std::make_unique<KeywordClassifier>();
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        m_server = std::make_unique<ApiServer>(options, m_backend.get(), m_classifier.get());
        QString error;
        QVERIFY2(m_server->listen(&error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
        m_client = std::make_unique<HttpTestClient>(m_server->baseUrl());
    }

    // Uploads the test character and waits until the first frame has been encoded.
    void loadCharacter()
    {
        const HttpReply r = m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file",
                                               QStringLiteral("talkinghead.png"), "image/png", characterPng());
        QCOMPARE(r.status, 200);
        QVERIFY(waitUntil([&] { return m_server->frameHub()->hasFrame(); }));
    }

    // The server's side of the open connections (sockets are children of the HttpListener).
    int serverConnections() const
    {
        return int(m_server->findChildren<QTcpSocket *>().size());
    }

private Q_SLOTS:
    void init() { start(); }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_backend.reset();
    }

    void modulesAndLabels()
    {
        HttpReply r = m_client->get(QStringLiteral("/api/modules"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
        QCOMPARE(r.json().value(QStringLiteral("modules")).toArray(),
                 QJsonArray({QStringLiteral("classify"), QStringLiteral("talkinghead")}));

        // Current SillyTavern turns every label into a sprite slot: the 28 emotions, nothing else.
        r = m_client->get(QStringLiteral("/api/classify/labels"));
        QCOMPARE(r.status, 200);
        const QJsonArray labels = r.json().value(QStringLiteral("labels")).toArray();
        QCOMPARE(labels.size(), 28);
        QVERIFY(!labels.contains(QStringLiteral("talkinghead")));
        QStringList names;
        for (const auto &l : labels)
            names.append(l.toString());
        for (const QString &label : KeywordClassifier::goEmotions())
            QVERIFY2(names.contains(label), qPrintable(label));
    }

    // --talkinghead-label: SillyTavern <= 1.12.12 finds talkinghead.png through a 29th label "talkinghead".
    void labelsForTheBuiltInTalkingheadClient()
    {
        ServerOptions options;
        options.talkingheadLabel = true;
        start(options);
        const QJsonArray labels = m_client->get(QStringLiteral("/api/classify/labels")).json().value(QStringLiteral("labels")).toArray();
        QCOMPARE(labels.size(), 29);
        QCOMPARE(labels.last().toString(), QStringLiteral("talkinghead"));
        // Not without the talkinghead module.
        options.modules = {QStringLiteral("classify")};
        start(options);
        QCOMPARE(m_client->get(QStringLiteral("/api/classify/labels")).json().value(QStringLiteral("labels")).toArray().size(), 28);
    }

    // One requestHandled per answer (the studio's request log): method, path without the query, status, time.
    void requestHandledSignal()
    {
        QSignalSpy spy(m_server.get(), &ApiServer::requestHandled);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules?token=secret")).status, 200);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("GET"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("/api/modules"));
        QCOMPARE(spy.at(0).at(2).toInt(), 200);
        QVERIFY(spy.at(0).at(3).toDouble() >= 0);

        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), "{nope").status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/api/no/such/route")).status, 404);
        // An asynchronous answer (the upload is decoded on a worker) is reported when it is sent.
        loadCharacter();
        QCOMPARE(spy.count(), 4);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("POST"));
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("/api/talkinghead/set_emotion"));
        QCOMPARE(spy.at(1).at(2).toInt(), 400);
        QCOMPARE(spy.at(2).at(2).toInt(), 404);
        QCOMPARE(spy.at(3).at(1).toString(), QStringLiteral("/api/talkinghead/load"));
        QCOMPARE(spy.at(3).at(2).toInt(), 200);

        // result_feed: once, when the stream starts.
        FeedViewer viewer(m_server->port());
        QVERIFY2(viewer.waitForParts(2), qPrintable(viewer.error()));
        QCOMPARE(spy.count(), 5);
        QCOMPARE(spy.at(4).at(1).toString(), QStringLiteral("/api/talkinghead/result_feed"));
        QCOMPARE(spy.at(4).at(2).toInt(), 200);
    }

    void classifySetsEmotion()
    {
        const HttpReply r = m_client->postJson(QStringLiteral("/api/classify"), R"({"text": "I am so happy today!"})",
                                               {{"Bypass-Tunnel-Reminder", "bypass"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const QJsonArray classification = r.json().value(QStringLiteral("classification")).toArray();
        QCOMPARE(classification.size(), 28);
        QCOMPARE(classification.first().toObject().value(QStringLiteral("label")).toString(), QStringLiteral("joy"));
        for (qsizetype i = 1; i < classification.size(); ++i)
            QVERIFY(classification[i - 1].toObject().value(QStringLiteral("score")).toDouble()
                    >= classification[i].toObject().value(QStringLiteral("score")).toDouble());
        // Extras' server-side coupling: the top label becomes the talkinghead emotion.
        QCOMPARE(m_backend->emotion(), QStringLiteral("joy"));
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("field");
        const QString classify = QStringLiteral("/api/classify");
        const QString emotion = QStringLiteral("/api/talkinghead/set_emotion");
        QTest::newRow("empty body") << classify << QByteArray() << "400: the request body is empty, expected JSON" << QString();
        QTest::newRow("truncated") << classify << QByteArray("{\"text\": \"hi\"")
                                   << "400: malformed JSON body at byte 13: " << QString(); // + Qt's wording
        QTest::newRow("array") << classify << QByteArray("[\"hi\"]") << "400: expected a JSON object, got an array" << QString();
        QTest::newRow("missing text") << classify << QByteArray("{}") << "400: \"text\" is required (a string)" << "text";
        QTest::newRow("text is a number") << classify << QByteArray("{\"text\": 5}")
                                          << "400: \"text\" must be a string, got a number" << "text";
        QTest::newRow("emotion_name null") << emotion << QByteArray("{\"emotion_name\": null}")
                                           << "400: \"emotion_name\" must be a string, got null" << "emotion_name";
        QTest::newRow("emotion misspelt") << emotion << QByteArray("{\"emotion\": \"joy\"}")
                                          << "400: \"emotion_name\" is required (a string)" << "emotion_name";
        QTest::newRow("templates: a string") << QStringLiteral("/api/talkinghead/load_emotion_templates") << QByteArray("[1]")
                                             << "400: expected a JSON object of emotion templates; an array is only accepted "
                                                "empty (= reset), this one has 1 elements" << QString();
        QTest::newRow("templates: bad morph") << QStringLiteral("/api/talkinghead/load_emotion_templates")
                                              << QByteArray(R"({"joy": {"mouth_aaa_index": "wide"}})")
                                              << "400: emotion \"joy\": \"mouth_aaa_index\" must be a number" << QString();
        QTest::newRow("settings: array") << QStringLiteral("/api/talkinghead/load_animator_settings") << QByteArray("[3]")
                                         << "400: expected a JSON object, got an array" << QString();
        QTest::newRow("settings: bad fps") << QStringLiteral("/api/talkinghead/load_animator_settings")
                                           << QByteArray(R"({"target_fps": "fast"})")
                                           << "400: \"target_fps\" must be a number above 0" << QString();
    }
    void badJson()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(QString, field);
        const HttpReply r = m_client->postJson(path, body, {{"Origin", kOrigin}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        const QString actual = r.json().value(QStringLiteral("error")).toString();
        if (error.endsWith(QLatin1Char(' ')))
            QVERIFY2(actual.startsWith(error) && actual.size() > error.size(), qPrintable(actual));
        else
            QCOMPARE(actual, error);
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), field);
        // The server keeps running.
        QCOMPARE(m_client->get(QStringLiteral("/api/modules")).status, 200);
    }

    void talkingheadControls()
    {
        loadCharacter();
        HttpReply r = m_client->get(QStringLiteral("/api/talkinghead/start_talking"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(r.body, QByteArray("talking started"));
        QVERIFY(m_backend->talking());
        r = m_client->get(QStringLiteral("/api/talkinghead/stop_talking"));
        QCOMPARE(r.body, QByteArray("talking stopped"));
        QVERIFY(!m_backend->talking());
        r = m_client->get(QStringLiteral("/api/talkinghead/unload"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("animation paused"));
        QVERIFY(m_backend->paused());
        // load is the only way back, as in Extras.
        loadCharacter();
        QVERIFY(!m_backend->paused());
    }

    void setEmotion()
    {
        HttpReply r = m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "curiosity", "x": 1})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("emotion set to curiosity"));
        QCOMPARE(m_backend->emotion(), QStringLiteral("curiosity"));
        // Unknown names (the client may send "talkinghead" or a custom sprite name) fall back to neutral.
        r = m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "talkinghead"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("emotion set to neutral"));
        // A custom emotion exists after load_emotion_templates, and {} removes it again.
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/load_emotion_templates"),
                                    R"({"smug": {"mouth_smirk": 1.0}})").body, QByteArray("OK"));
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "smug"})").body,
                 QByteArray("emotion set to smug"));
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/load_emotion_templates"), "{}").status, 200);
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "smug"})").body,
                 QByteArray("emotion set to neutral"));
    }

    void animatorSettingsRetimeTheStream()
    {
        HttpReply r = m_client->postJson(QStringLiteral("/api/talkinghead/load_animator_settings"),
                                         R"({"target_fps": 10, "sway_macro_strength": 0.3})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("OK"));
        QCOMPARE(m_server->frameHub()->targetFps(), 10.0);
        r = m_client->get(QStringLiteral("/api/talkinghead/status"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("stream")).toObject().value(QStringLiteral("target_fps")).toDouble(), 10.0);
        // {} and [] reset to the defaults.
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/load_animator_settings"), "[]").status, 200);
        QCOMPARE(m_server->frameHub()->targetFps(), 25.0);
    }

    void uploadPng()
    {
        const QByteArray png = characterPng(QSize(80, 60));
        HttpReply r = m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("talkinghead.png"),
                                         "image/png", png, {{"Origin", kOrigin}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(r.body, QByteArray("OK"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QCOMPARE(r.header("vary"), QByteArray("Origin"));
        QCOMPARE(m_backend->character().size(), QSize(80, 60));
        QCOMPARE(m_backend->character().pixelColor(0, 0).alpha(), 0);

        // A client asking for JSON gets the validation report; a file name with spaces and UTF-8 survives.
        r = m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file", QString::fromUtf8("mein Gesicht ü.png"),
                               "image/png", png, {{"Accept", "application/json"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("report")).toObject().value(QStringLiteral("source")).toString(),
                 QString::fromUtf8("mein Gesicht ü.png"));
    }

    void uploadErrors_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("errorStart");
        QTest::addColumn<QString>("reportCode");
        const QByteArray png = characterPng();
        QTest::newRow("not an image") << QByteArray("file") << QByteArray("this is not an image at all")
                                      << "400: decode-failed" << "decode-failed";
        QTest::newRow("truncated PNG") << QByteArray("file") << png.first(60) << "400: decode-failed" << "decode-failed";
        QTest::newRow("empty file") << QByteArray("file") << QByteArray() << "400: empty-file" << "empty-file";
        QTest::newRow("JPEG without alpha") << QByteArray("file") << characterPng(QSize(64, 64), false, "JPG")
                                            << "400: missing-alpha" << "missing-alpha";
        QTest::newRow("wrong field name") << QByteArray("image") << png
                                          << "400: \"file\" is required: send the image as the multipart/form-data field \"file\""
                                          << QString();
    }
    void uploadErrors()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, data);
        QFETCH(QString, errorStart);
        QFETCH(QString, reportCode);
        const HttpReply r = m_client->postFile(QStringLiteral("/api/talkinghead/load"), field, QStringLiteral("talkinghead.png"),
                                               "image/png", data, {{"Origin", kOrigin}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        const QJsonObject body = r.json();
        QVERIFY2(body.value(QStringLiteral("error")).toString().startsWith(errorStart), qPrintable(body.value(QStringLiteral("error")).toString()));
        QCOMPARE(body.value(QStringLiteral("field")).toString(), QStringLiteral("file"));
        if (!reportCode.isEmpty())
            QCOMPARE(body.value(QStringLiteral("report")).toObject().value(QStringLiteral("issues")).toArray()
                         .first().toObject().value(QStringLiteral("code")).toString(), reportCode);
        QVERIFY(m_backend->character().isNull());
    }

    void uploadNotMultipart()
    {
        HttpReply r = m_client->send("POST", QStringLiteral("/api/talkinghead/load"), characterPng(), {{"Content-Type", "image/png"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("400: multipart: Content-Type is \"image/png\", expected multipart/form-data"));
        r = m_client->send("POST", QStringLiteral("/api/talkinghead/load"), "--X\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
                           {{"Content-Type", "multipart/form-data; boundary=X"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("400: multipart: part 1 is not ended by a boundary line (body truncated?)"));
    }

    void oversizeUpload()
    {
        ServerOptions options;
        options.maxUploadBytes = 1024 * 1024;
        start(options);
        // Through QNetworkAccessManager, as a browser: the answer arrives while the body is still being sent.
        const QByteArray big(3 * 1024 * 1024, 'x');
        HttpReply r = m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("big.png"),
                                         "image/png", big, {{"Origin", kOrigin}});
        QCOMPARE(r.status, 413);
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QVERIFY(r.json().value(QStringLiteral("error")).toString().startsWith(QStringLiteral("413: the request body has ")));
        QVERIFY(m_backend->character().isNull());

        // curl's way: Expect: 100-continue. The 413 comes instead of the 100, before any body byte is sent.
        RawConnection raw(m_server->port());
        raw.write("POST /api/talkinghead/load HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=X\r\n"
                  "Content-Length: 999999999\r\nExpect: 100-continue\r\n\r\n");
        const RawResponse answer = parseResponse(raw.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        QCOMPARE(answer.status, 413);
        QCOMPARE(answer.header("connection"), QByteArray("close"));
        QCOMPARE(answer.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(waitUntil([&] { return !raw.connected(); })); // and the connection is closed

        // Just under the limit is accepted (the JSON route answers with its own error, not 413).
        const QByteArray body = "{\"text\": \"" + QByteArray(1024 * 1024 - 20, 'a') + "\"}";
        QVERIFY(body.size() <= options.maxUploadBytes);
        QCOMPARE(m_client->postJson(QStringLiteral("/api/classify"), body).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules")).status, 200);
    }

    void chunkedBodiesAndHugeHeads()
    {
        ServerOptions options;
        options.maxUploadBytes = 256 * 1024;
        start(options);
        auto chunked = [](const QByteArray &body, int chunk) {
            QByteArray out;
            for (qsizetype at = 0; at < body.size(); at += chunk) {
                const QByteArray piece = body.mid(at, chunk);
                out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
            }
            return out + "0\r\n\r\n";
        };
        // A chunked body within the limit is decoded and handled.
        const QByteArray json = R"({"emotion_name": "sadness"})";
        RawConnection small(m_server->port());
        small.write("POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n" + chunked(json, 7));
        RawResponse answer = parseResponse(small.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("emotion set to sadness"));
        // One over the limit: no length to refuse it by, so it is cut off once that much has arrived.
        RawConnection big(m_server->port());
        big.write("POST /api/talkinghead/load HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 8 && big.connected(); ++i)
            big.write(chunked(QByteArray(64 * 1024, 'z'), 16 * 1024).chopped(5)); // without the last chunk
        answer = parseResponse(big.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        QCOMPARE(answer.status, 413);
        QCOMPARE(answer.header("connection"), QByteArray("close"));
        // A head larger than 64 KiB is refused with 431 (nothing is buffered beyond that).
        RawConnection huge(m_server->port());
        huge.write("GET /api/modules HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + QByteArray(70 * 1024, 'p'));
        answer = parseResponse(huge.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        QCOMPARE(answer.status, 431);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("431: the request line and headers exceed 65536 bytes"));
        QCOMPARE(m_client->get(QStringLiteral("/api/modules")).status, 200);
    }

    void expectContinueIsAnswered()
    {
        // Answered at once (without it curl waits a second before each upload over 1 MiB).
        const QByteArray body = R"({"emotion_name": "joy"})";
        RawConnection raw(m_server->port());
        raw.write("POST /api/talkinghead/set_emotion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  "Content-Length: " + QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
        QCOMPARE(raw.readUntil([](const QByteArray &b) { return b.contains("\r\n\r\n"); }),
                 QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        raw.write(body);
        const QByteArray all = raw.readUntil([](const QByteArray &b) { return parseResponse(b, 25).size > 0; });
        const RawResponse answer = parseResponse(all, 25);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("emotion set to joy"));
    }

    // Speech has a length limit (413 naming the field and the option); the audio limit reaches the backend.
    void speechLimits()
    {
        ServerOptions options;
        options.maxSpeechChars = 100;
        options.maxAudioSeconds = 42;
        start(options);
        QCOMPARE(m_backend->maxAudioSeconds(), 42.0);
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("text"), QString(101, QLatin1Char('a'))}}).toJson();
        const HttpReply r = m_client->postJson(QStringLiteral("/api/talkinghead/speak"), body);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("413: \"text\" has 101 characters, the limit is 100 (--max-speech-chars)"));
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), QStringLiteral("text"));
        // At the limit it reaches the backend (which has no speech here).
        const QByteArray ok = QJsonDocument(QJsonObject{{QStringLiteral("text"), QString(100, QLatin1Char('a'))}}).toJson();
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/speak"), ok).json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("400: this server has no speech synthesis"));
    }

    // A client that gives up on a speech request stops its computation (the transport tells the backend).
    void abandonedSpeechIsCancelled()
    {
        m_backend->setEndlessSpeech(true);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = R"({"text": "hello"})";
        socket.write("POST /api/talkinghead/speak HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(waitUntil([&] { return m_backend->speechStarted() == 1; }));
        QTest::qWait(100);
        QCOMPARE(m_backend->speechCancelled(), 0); // still waited for
        socket.abort();
        QVERIFY(waitUntil([&] { return m_backend->speechCancelled() == 1; }));
    }

    void unknownRoutesAndMethods()
    {
        HttpReply r = m_client->get(QStringLiteral("/api/nothing/here"), {{"Origin", kOrigin}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("404: no route GET /api/nothing/here"));
        // A known path with the wrong method is 405 with Allow (Flask's answer).
        r = m_client->send("POST", QStringLiteral("/api/talkinghead/unload"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("GET, HEAD, OPTIONS"));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
        r = m_client->get(QStringLiteral("/api/talkinghead/set_emotion"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("OPTIONS, POST"));
        // HEAD answers like GET without a body.
        r = m_client->send("HEAD", QStringLiteral("/api/modules"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("content-length").toInt(), m_client->get(QStringLiteral("/api/modules")).body.size());
    }

    void doubleSlashAndPipelining()
    {
        // Three requests in one write, the second with a body, on one connection: each gets its answer, in order,
        // and "//api/..." (a base URL ending in '/') routes like "/api/...".
        const QByteArray json = R"({"text": "why is that?"})";
        RawConnection raw(m_server->port());
        raw.write("GET //api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  "POST //api/classify?x=1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(json.size()) + "\r\n\r\n" + json
                  + "GET /api//classify/labels HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QList<RawResponse> answers;
        raw.readUntil([&](const QByteArray &b) {
            answers.clear();
            qsizetype at = 0;
            for (RawResponse r = parseResponse(b, at); r.size > 0; r = parseResponse(b, at)) {
                answers.append(r);
                at += r.size;
            }
            return answers.size() == 3;
        });
        QCOMPARE(answers.size(), 3);
        QCOMPARE(answers[0].status, 200);
        QVERIFY(answers[0].body.contains("\"modules\""));
        QCOMPARE(answers[1].status, 200);
        QVERIFY(answers[1].body.startsWith("{\"classification\":[{\"label\":\"curiosity\""));
        QCOMPARE(answers[2].status, 200);
        QVERIFY(answers[2].body.startsWith("{\"labels\":["));
        QCOMPARE(m_backend->emotion(), QStringLiteral("curiosity"));
    }

    void moduleSwitchedOff()
    {
        ServerOptions options;
        options.modules = {QStringLiteral("classify")};
        start(options);
        HttpReply r = m_client->get(QStringLiteral("/api/talkinghead/unload"), {{"Origin", kOrigin}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("403: Module 'talkinghead' not enabled in config"));
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/result_feed")).status, 403);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules")).json().value(QStringLiteral("modules")).toArray(),
                 QJsonArray({QStringLiteral("classify")}));
        const QJsonArray labels = m_client->get(QStringLiteral("/api/classify/labels")).json().value(QStringLiteral("labels")).toArray();
        QCOMPARE(labels.size(), 28);
        QVERIFY(!labels.contains(QStringLiteral("talkinghead")));
        // classify works but no longer drives the (switched off) talkinghead.
        QCOMPARE(m_client->postJson(QStringLiteral("/api/classify"), R"({"text": "so angry"})").status, 200);
        QCOMPARE(m_backend->emotion(), QStringLiteral("neutral"));
        // Preflight still succeeds for a switched-off module, as in Extras.
        QCOMPARE(m_client->send("OPTIONS", QStringLiteral("/api/talkinghead/load"), {},
                                {{"Origin", kOrigin}, {"Access-Control-Request-Method", "POST"}}).status, 200);
    }

    void apiKey()
    {
        ServerOptions options;
        options.apiKey = QStringLiteral("s3cret-key");
        start(options);
        const QJsonObject invalid{{QStringLiteral("error"), QStringLiteral("401: Invalid API key")}};
        HttpReply r = m_client->get(QStringLiteral("/api/modules"), {{"Origin", kOrigin}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QCOMPARE(r.json(), invalid);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Authorization", "Basic s3cret-key"}}).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Authorization", "Bearer s3cret-key-"}}).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Authorization", "Bearer s3cret-key"}}).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Authorization", "bearer  s3cret-key"}}).status, 200);
        // The key is checked before routing, so unknown paths are 401 too.
        QCOMPARE(m_client->get(QStringLiteral("/api/nothing")).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/api/nothing"), {{"Authorization", "Bearer s3cret-key"}}).status, 404);
        // Uploads and JSON calls need it as well.
        QCOMPARE(m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "joy"})").status, 401);
        QCOMPARE(m_backend->emotion(), QStringLiteral("neutral"));
        QCOMPARE(m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("t.png"), "image/png",
                                    characterPng(), {{"Authorization", "Bearer s3cret-key"}}).status, 200);
        // Preflight and result_feed (an <img> cannot send the header) are exempt.
        r = m_client->send("OPTIONS", QStringLiteral("/api/classify"), {},
                           {{"Origin", kOrigin}, {"Access-Control-Request-Method", "POST"},
                            {"Access-Control-Request-Headers", "authorization,content-type"}});
        QCOMPARE(r.status, 200);
        FeedViewer viewer(m_server->port());
        QVERIFY2(viewer.waitForParts(1), qPrintable(viewer.error()));
        QCOMPARE(viewer.head().status, 200);
    }

    void cors()
    {
        // Preflight as Chrome sends it for the client's JSON POST with the tunnel header.
        HttpReply r = m_client->send("OPTIONS", QStringLiteral("/api/classify"), {},
                                     {{"Origin", kOrigin}, {"Access-Control-Request-Method", "POST"},
                                      {"Access-Control-Request-Headers", "content-type,bypass-tunnel-reminder, Authorization"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        QCOMPARE(r.header("vary"), QByteArray("Origin"));
        QCOMPARE(r.header("access-control-allow-methods"), QByteArray("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"));
        QCOMPARE(r.header("access-control-allow-headers"), QByteArray("authorization, bypass-tunnel-reminder, content-type"));
        QCOMPARE(r.header("allow"), QByteArray("OPTIONS, POST"));
        QVERIFY(r.header("access-control-allow-credentials").isEmpty());
        // Preflight of an unknown path: 404, still with CORS.
        r = m_client->send("OPTIONS", QStringLiteral("/api/nothing"), {}, {{"Origin", kOrigin}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("access-control-allow-origin"), kOrigin);
        // Success and error answers with and without Origin.
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/status"), {{"Origin", kOrigin}}).header("access-control-allow-origin"), kOrigin);
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/status")).header("access-control-allow-origin"), QByteArray("*"));
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/frame.png")).header("access-control-allow-origin"), QByteArray("*"));
    }

    // No web page but the user's own (loopback origins, or those listed) can drive the server.
    void originsAreChecked()
    {
        const QByteArray evil = "http://evil.example";
        HttpReply r = m_client->postJson(QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "anger"})",
                                         {{"Origin", evil}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("403: requests from web pages at http://evil.example are not allowed (loopback origins "
                                "are; allow others with --cors-origin)"));
        QVERIFY(r.header("access-control-allow-origin").isEmpty());
        QCOMPARE(m_backend->emotion(), QStringLiteral("neutral"));
        r = m_client->send("OPTIONS", QStringLiteral("/api/classify"), {},
                           {{"Origin", evil}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(r.status, 403);
        QVERIFY(r.header("access-control-allow-origin").isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Origin", "null"}}).status, 403);
        // Loopback origins, as SillyTavern on this machine.
        for (const QByteArray origin : {"http://127.0.0.1:8000", "http://[::1]:8000", "http://localhost", "https://st.localhost:8443"}) {
            r = m_client->get(QStringLiteral("/api/modules"), {{"Origin", origin}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("access-control-allow-origin"), origin);
        }
        // A hostile page's <img> or form: no Origin, but the browser says it is cross-site. result_feed is meant to
        // be an <img> of another page.
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/unload"), {{"Sec-Fetch-Site", "cross-site"}}).status, 403);
        FeedViewer feed(m_server->port(), "Sec-Fetch-Site: cross-site\r\n");
        QVERIFY(waitUntil([&] { feed.poll(); return feed.head().status != 0; }));
        QCOMPARE(feed.head().status, 200);
        // A JSON route needs a JSON body type (a plain form post cannot send one).
        r = m_client->send("POST", QStringLiteral("/api/talkinghead/set_emotion"), R"({"emotion_name": "anger"})",
                           {{"Content-Type", "text/plain"}});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("415: Content-Type must be application/json, got \"text/plain\""));
        QCOMPARE(m_backend->emotion(), QStringLiteral("neutral"));

        // Listed origins, and '*'.
        ServerOptions options;
        options.corsOrigins = {QStringLiteral("http://192.168.1.5:8000")};
        start(options);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Origin", "http://192.168.1.5:8000"}}).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/modules"), {{"Origin", "http://192.168.1.5:8001"}}).status, 403);
        options.corsAnyOrigin = true;
        start(options);
        r = m_client->get(QStringLiteral("/api/modules"), {{"Origin", evil}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), evil);
    }

    // DNS rebinding: a hostile name resolving to this machine is not this server's name.
    void hostIsChecked()
    {
        auto statusFor = [&](const QByteArray &host) {
            RawConnection raw(m_server->port());
            raw.write("GET /api/modules HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            return parseResponse(raw.readUntil([](const QByteArray &b) { return parseResponse(b).size > 0; }));
        };
        const RawResponse refused = statusFor("rebind.evil.example:5100");
        QCOMPARE(refused.status, 421);
        QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("421: the Host header rebind.evil.example:5100 does not name this server (use its address, "
                                "localhost, or allow the name with --allow-host)"));
        QCOMPARE(statusFor("192.168.1.5").status, 421); // bound to loopback only
        for (const QByteArray host : {"localhost", "localhost:5100", "127.0.0.1:5100", "[::1]:5100", "LOCALHOST"})
            QCOMPARE(statusFor(host).status, 200);
        ServerOptions options;
        options.allowedHosts = {QStringLiteral("tunnel.example")};
        start(options);
        QCOMPARE(statusFor("tunnel.example").status, 200);
        QCOMPARE(statusFor("other.example").status, 421);
    }

    // With a key, result_feed checks ?key= (an <img> cannot send headers); --private-stream requires it.
    void streamKey()
    {
        ServerOptions options;
        options.apiKey = QStringLiteral("s3cret");
        start(options);
        auto feedStatus = [&](const QByteArray &query) {
            RawConnection raw(m_server->port());
            raw.write("GET /api/talkinghead/result_feed" + query + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            // The status line of the head (a stream's body never ends).
            const QByteArray bytes = raw.readUntil([](const QByteArray &b) { return b.contains("\r\n\r\n"); });
            return bytes.startsWith("HTTP/1.1 ") ? bytes.mid(9, 3).toInt() : 0;
        };
        QCOMPARE(feedStatus(""), 200);           // public by default: SillyTavern's <img> has no key
        QCOMPARE(feedStatus("?key=s3cret"), 200);
        QCOMPARE(feedStatus("?key=wrong"), 401);
        options.privateStream = true;
        start(options);
        QCOMPARE(feedStatus(""), 401);
        QCOMPARE(feedStatus("?key=wrong"), 401);
        QCOMPARE(feedStatus("?key=s3cret"), 200);
        QCOMPARE(feedStatus("?t=1&key=s3cret"), 200);
    }

    // GET /view: the OBS page. Constant HTML with a strict CSP; its query options are checked first, precisely.
    void obsView()
    {
        HttpReply r = m_client->get(QStringLiteral("/view"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.body.contains("<img id=\"character\""));
        QVERIFY(r.body.contains("background: transparent"));
        QVERIFY(r.body.contains("/api/talkinghead/result_feed"));
        QVERIFY(r.header("content-security-policy").contains("default-src 'none'"));
        QCOMPARE(r.header("referrer-policy"), QByteArray("no-referrer"));
        const QByteArray page = r.body;
        // Valid options do not change the page (the page reads them itself): nothing from the address is echoed.
        r = m_client->get(QStringLiteral("/view?size=300&bg=00ff00"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, page);
        QCOMPARE(m_client->get(QStringLiteral("/view?bg=%2300FF00")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/view?bg=transparent&size=16")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/view?size=4096")).status, 200);

        auto refused = [&](const QString &query, const QString &field, const QString &message) {
            const HttpReply bad = m_client->get(QStringLiteral("/view?") + query);
            QCOMPARE(bad.status, 400);
            QCOMPARE(bad.json().value(QStringLiteral("field")).toString(), field);
            QCOMPARE(bad.json().value(QStringLiteral("error")).toString(), QStringLiteral("400: ") + message);
        };
        refused(QStringLiteral("size=15"), QStringLiteral("size"),
                QStringLiteral("\"size\" must be a whole number of pixels from 16 to 4096, got \"15\""));
        refused(QStringLiteral("size=4097"), QStringLiteral("size"),
                QStringLiteral("\"size\" must be a whole number of pixels from 16 to 4096, got \"4097\""));
        refused(QStringLiteral("size=big"), QStringLiteral("size"),
                QStringLiteral("\"size\" must be a whole number of pixels from 16 to 4096, got \"big\""));
        refused(QStringLiteral("bg=green"), QStringLiteral("bg"),
                QStringLiteral("\"bg\" must be \"transparent\" or a colour as six hex digits such as 00ff00 (a green "
                               "chroma key), got \"green\""));
        refused(QStringLiteral("bg=%3Cscript%3E"), QStringLiteral("bg"),
                QStringLiteral("\"bg\" must be \"transparent\" or a colour as six hex digits such as 00ff00 (a green "
                               "chroma key), got \"<script>\""));
        refused(QStringLiteral("width=300"), QStringLiteral("width"),
                QStringLiteral("unknown option \"width\" (/view takes size, bg and key)"));
        refused(QStringLiteral("size=100&size=200"), QStringLiteral("size"),
                QStringLiteral("\"size\" is given more than once"));
        // Wrong method, module switched off.
        QCOMPARE(m_client->send("POST", QStringLiteral("/view")).status, 405);
        ServerOptions options;
        options.modules = {QStringLiteral("classify")};
        start(options);
        QCOMPARE(m_client->get(QStringLiteral("/view")).status, 403);
    }

    // The key: /view is open like result_feed (OBS sends no header); a wrong ?key= is refused at once, and with
    // --private-stream the page needs it, as the stream it shows does.
    void obsViewKey()
    {
        ServerOptions options;
        options.apiKey = QStringLiteral("s3cret");
        start(options);
        QCOMPARE(m_client->get(QStringLiteral("/view")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/view?key=s3cret")).status, 200);
        HttpReply r = m_client->get(QStringLiteral("/view?key=wrong"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("401: Invalid API key (/view takes it as ?key=KEY)"));
        options.privateStream = true;
        start(options);
        r = m_client->get(QStringLiteral("/view"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("401: this server's stream needs the API key: add ?key=KEY to /view"));
        QCOMPARE(m_client->get(QStringLiteral("/view?key=s3cret&size=200")).status, 200);
        // The stream the page opens with that key.
        QCOMPARE(m_client->postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("talkinghead.png"), "image/png",
                                    characterPng(), {{"Authorization", "Bearer s3cret"}}).status, 200);
        RawConnection raw(m_server->port());
        raw.write("GET /api/talkinghead/result_feed?key=s3cret HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(raw.readUntil([](const QByteArray &b) { return b.contains("image/png"); }).startsWith("HTTP/1.1 200"));
    }

    void framePngAndStatus()
    {
        HttpReply r = m_client->get(QStringLiteral("/api/talkinghead/frame.png"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("404: no frame has been rendered yet (POST /api/talkinghead/load first)"));
        loadCharacter();
        r = m_client->get(QStringLiteral("/api/talkinghead/frame.png"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("image/png"));
        const QImage frame = decodePng(r.body);
        QCOMPARE(frame.size(), QSize(96, 96));
        QVERIFY(frame.hasAlphaChannel());
        QCOMPARE(frame.pixelColor(48, 48).alpha(), 255); // the character
        QCOMPARE(frame.pixelColor(8, 8).alpha(), 0);    // transparent background survives encoding
        r = m_client->get(QStringLiteral("/api/talkinghead/status"));
        QCOMPARE(r.status, 200);
        const QJsonObject status = r.json();
        QCOMPARE(status.value(QStringLiteral("backend")).toObject().value(QStringLiteral("loaded")).toBool(), true);
        QVERIFY(status.value(QStringLiteral("stream")).toObject().value(QStringLiteral("frames_encoded")).toDouble() >= 1);
        QCOMPARE(status.value(QStringLiteral("auth")).toBool(), false);
    }

    void resultFeed()
    {
        loadCharacter();
        FeedViewer viewer(m_server->port());
        QVERIFY2(viewer.waitForParts(4), qPrintable(viewer.error()));
        const RawResponse &head = viewer.head();
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("content-type"), QByteArray("multipart/x-mixed-replace; boundary=frame"));
        QCOMPARE(head.header("connection"), QByteArray("close"));
        QCOMPARE(head.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(head.header("content-length").isEmpty());
        for (const QByteArray &part : viewer.parts()) {
            const QImage frame = decodePng(part);
            QVERIFY(!frame.isNull());
            QCOMPARE(frame.size(), QSize(96, 96));
            QVERIFY(frame.hasAlphaChannel());
        }
        // A request sent on the stream's connection is ignored: no answer may land inside the stream.
        viewer.send("GET /api/modules HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(viewer.waitForParts(int(viewer.parts().size()) + 3), qPrintable(viewer.error()));
        QVERIFY(viewer.error().isEmpty());
        for (const QByteArray &part : viewer.parts())
            QVERIFY2(part.startsWith("\x89PNG\r\n\x1a\n"), part.left(40).constData());
        // With an Origin (fetch instead of <img>) the origin is echoed.
        FeedViewer fetchViewer(m_server->port(), "Origin: " + kOrigin + "\r\n");
        QVERIFY(fetchViewer.waitForParts(1));
        QCOMPARE(fetchViewer.head().header("access-control-allow-origin"), kOrigin);
    }

    void feedBeforeFirstFrameAndWhilePaused()
    {
        // The browser may open the stream before load: it waits (head sent, no parts) and then gets frames.
        FeedViewer early(m_server->port());
        QVERIFY(waitUntil([&] { early.poll(); return early.head().status == 200; }));
        QTest::qWait(100);
        early.poll();
        QCOMPARE(early.parts().size(), 0);
        loadCharacter();
        QVERIFY2(early.waitForParts(2), qPrintable(early.error()));

        // unload pauses rendering but the stream goes on, repeating the last frame.
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/unload")).status, 200);
        QVERIFY(waitUntil([&] { return m_server->frameHub()->stats().encoded > 0; }));
        const int rendered = m_backend->framesRendered();
        QTest::qWait(100); // let frames rendered before the pause drain through the encoder
        const qsizetype before = early.parts().size();
        QVERIFY(early.waitForParts(int(before) + 3));
        const QList<QByteArray> &parts = early.parts();
        QCOMPARE(parts[parts.size() - 1], parts[parts.size() - 2]);
        QCOMPARE(parts[parts.size() - 2], parts[parts.size() - 3]);
        QVERIFY(m_backend->framesRendered() <= rendered + 1);
    }

    void feedWithoutRepeats()
    {
        // ?repeat=0 (our /view page, our SillyTavern extension): a part for each new frame; while the picture stands
        // still, only a keep-alive now and then, where a default viewer gets the same frame at every tick.
        loadCharacter();
        FeedViewer repeating(m_server->port());
        FeedViewer changes(m_server->port(), {}, "/api/talkinghead/result_feed?repeat=0");
        QVERIFY2(changes.waitForParts(2), qPrintable(changes.error()));
        QCOMPARE(changes.head().status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/talkinghead/unload")).status, 200);
        // Frames rendered before the pause drain through the encoder: wait for five ticks without a new one.
        const FrameHub *hub = m_server->frameHub();
        for (quint64 published = ~quint64(0); published != hub->sequence();) {
            published = hub->sequence();
            QVERIFY(repeating.waitForParts(int(repeating.parts().size()) + 5));
        }
        const quint64 stillFrame = hub->sequence();
        changes.poll();
        const qsizetype changesBefore = changes.parts().size();
        const qsizetype repeatingBefore = repeating.parts().size();
        QElapsedTimer quiet;
        quiet.start();
        QVERIFY(repeating.waitForParts(int(repeatingBefore) + 10));
        changes.poll();
        QCOMPARE(hub->sequence(), stillFrame); // no new frame in the meantime
        const qint64 keepAlives = quiet.elapsed() / FrameStream::kKeepAliveMs + 1;
        QVERIFY2(changes.parts().size() <= changesBefore + keepAlives,
                 qPrintable(QStringLiteral("%1 parts without a new frame while the default viewer got 10 repeats")
                                .arg(changes.parts().size() - changesBefore)));
        for (qsizetype i = repeatingBefore; i < repeating.parts().size(); ++i)
            QCOMPARE(repeating.parts().at(i), repeating.parts().at(repeatingBefore));
        // The keep-alive: the frame it has, again.
        QVERIFY(changes.waitForParts(int(changes.parts().size()) + 1, 4 * FrameStream::kKeepAliveMs));
        QCOMPARE(changes.parts().last(), repeating.parts().last());
        // Rendering again: new frames come.
        loadCharacter();
        QVERIFY(changes.waitForParts(int(changes.parts().size()) + 2));

        // Anything but 0 or 1 is refused, the field named.
        RawConnection raw(m_server->port());
        raw.write("GET /api/talkinghead/result_feed?repeat=no HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const RawResponse bad = parseResponse(raw.readUntil([](const QByteArray &b) { return b.endsWith("}"); }));
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.body.contains("\"field\":\"repeat\""), bad.body.constData());
    }

    void parallelViewersShareFrames()
    {
        loadCharacter();
        std::vector<std::unique_ptr<FeedViewer>> viewers;
        for (int i = 0; i < 4; ++i)
            viewers.push_back(std::make_unique<FeedViewer>(m_server->port()));
        for (auto &v : viewers)
            QVERIFY2(v->waitForParts(6), qPrintable(v->error()));
        QCOMPARE(m_server->frameHub()->viewerCount(), 4);
        // Every frame is encoded once and the same bytes go to every viewer.
        QSet<QByteArray> distinct;
        int received = 0;
        for (auto &v : viewers) {
            for (const QByteArray &part : v->parts())
                distinct.insert(part);
            received += int(v->parts().size());
        }
        QVERIFY(m_server->frameHub()->stats().encoded < quint64(received));
        int shared = 0;
        for (const QByteArray &part : viewers[0]->parts())
            shared += viewers[1]->parts().contains(part) ? 1 : 0;
        QVERIFY(shared > 0);
        // Other requests are served while four streams are open.
        QCOMPARE(m_client->get(QStringLiteral("/api/modules")).status, 200);
    }

    void disconnectFreesEverything()
    {
        loadCharacter();
        const int baseline = serverConnections();
        std::vector<std::unique_ptr<FeedViewer>> viewers;
        for (int i = 0; i < 3; ++i) {
            viewers.push_back(std::make_unique<FeedViewer>(m_server->port()));
            QVERIFY(viewers.back()->waitForParts(1));
        }
        QCOMPARE(m_server->frameHub()->viewerCount(), 3);
        QCOMPARE(serverConnections(), baseline + 3);
        QCOMPARE(int(m_server->findChildren<FrameStream *>().size()), 3);
        viewers[0]->close();
        viewers[1]->close();
        QVERIFY(waitUntil([&] { return m_server->frameHub()->viewerCount() == 1; }));
        QVERIFY(waitUntil([&] { return serverConnections() == baseline + 1; }));
        QVERIFY(viewers[2]->waitForParts(int(viewers[2]->parts().size()) + 2)); // the last one still streams
        viewers[2]->close();
        QVERIFY(waitUntil([&] { return m_server->frameHub()->viewerCount() == 0; }));
        QVERIFY(waitUntil([&] { return serverConnections() == baseline; }));
        QCOMPARE(int(m_server->findChildren<FrameStream *>().size()), 0);
        // No viewer: the pacing stops.
        const quint64 ticks = m_server->frameHub()->stats().ticks;
        QTest::qWait(200);
        QCOMPARE(m_server->frameHub()->stats().ticks, ticks);
    }

    void slowViewerGetsFramesDropped()
    {
        start({}, QSize(512, 512));
        m_backend->setNoise(true); // ~1 MiB per PNG: a viewer that does not read falls behind within seconds
        loadCharacter();
        RawConnection stalled(m_server->port(), 4096);
        stalled.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
        FeedViewer reader(m_server->port());
        FrameStream *stalledStream = nullptr;
        QVERIFY(waitUntil([&] {
            const auto streams = m_server->findChildren<FrameStream *>();
            for (FrameStream *s : streams) {
                const auto *socket = qobject_cast<QTcpSocket *>(s->parent());
                if (socket && socket->peerPort() == stalled.socket().localPort() && s->framesDropped() > 0)
                    stalledStream = s;
            }
            reader.poll();
            return stalledStream != nullptr;
        }, 30000));
        // Bounded: never more than about one part queued in user space for the stalled viewer.
        auto *socket = qobject_cast<QTcpSocket *>(stalledStream->parent());
        QVERIFY(socket);
        const qint64 part = m_server->frameHub()->currentPart().size();
        QVERIFY2(socket->bytesToWrite() < 2 * part, qPrintable(QString::number(socket->bytesToWrite())));
        // The reading viewer is not held back by the stalled one.
        QVERIFY(reader.waitForParts(int(reader.parts().size()) + 3, 30000));
    }

    // The kernel's send buffer counts too: with frames much smaller than it, a stalled viewer used to get a
    // buffer full of stale frames (about 21) before any was dropped; now at most about one part is unsent.
    void slowViewerHoldsNoStaleFrames()
    {
        start({}, QSize(160, 160));
        m_backend->setNoise(true); // ~100 KiB per PNG
        loadCharacter();
        RawConnection stalled(m_server->port(), 4096);
        stalled.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
        FrameStream *stream = nullptr;
        QVERIFY(waitUntil([&] {
            for (FrameStream *s : m_server->findChildren<FrameStream *>())
                if (s->framesDropped() >= 20)
                    stream = s;
            return stream != nullptr;
        }, 30000));
        const qint64 part = m_server->frameHub()->currentPart().size();
        QVERIFY2(stream->unsentBytes() < 3 * part,
                 qPrintable(QStringLiteral("%1 bytes unsent, parts of %2 bytes").arg(stream->unsentBytes()).arg(part)));
        QVERIFY2(stream->framesSent() <= 4, qPrintable(QString::number(stream->framesSent())));
    }
};

QTEST_MAIN(TestApiServer)
#include "test_api_server.moc"
