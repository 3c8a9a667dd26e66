// SPDX-License-Identifier: GPL-3.0-or-later
// The server's parts without sockets: request paths, response bytes, command-line options, the PNG encoding and
// the frame hub's sharing and pacing rules, and ApiService's routing table called directly.

#include "keyword_classifier.h"
#include "painted_backend.h"

#include "api/api_request.h"
#include "api/api_response.h"
#include "api/api_service.h"
#include "api/frame_hub.h"
#include "api/origin_policy.h"
#include "api/server_options.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QHostInfo>
#include <QTest>

#include <cmath>
#include <memory>

using namespace ths;

namespace {

QImage testFrame(int shade, QImage::Format format = QImage::Format_RGBA8888)
{
    QImage image(64, 48, format);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.fillRect(QRect(8, 8, 40, 30), QColor(shade, 100, 200, 180)); // half-transparent: alpha must survive
    return image;
}

// The zlib FLEVEL bits of a PNG's first IDAT chunk: 0 = fastest (levels 0–1), 1 fast, 2 default, 3 maximum.
int zlibLevelClass(const QByteArray &png)
{
    const qsizetype idat = png.indexOf("IDAT");
    return idat < 0 || idat + 6 > png.size() ? -1 : (static_cast<unsigned char>(png[idat + 5]) >> 6);
}

} // namespace

class TestServerUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestPath_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("plain") << QByteArray("/api/modules") << QByteArray("/api/modules");
        QTest::newRow("double slash from a base URL ending in /") << QByteArray("//api/talkinghead/result_feed")
                                                                   << QByteArray("/api/talkinghead/result_feed");
        QTest::newRow("inner slashes and query") << QByteArray("/api//classify///labels?x=1&y=//")
                                                 << QByteArray("/api/classify/labels");
        QTest::newRow("fragment") << QByteArray("/api/modules#top") << QByteArray("/api/modules");
        QTest::newRow("percent escape") << QByteArray("/api/talkinghead/result%5Ffeed") << QByteArray("/api/talkinghead/result_feed");
        QTest::newRow("absolute form") << QByteArray("http://127.0.0.1:5100//api/modules?a") << QByteArray("/api/modules");
        QTest::newRow("absolute form without path") << QByteArray("http://127.0.0.1:5100") << QByteArray("/");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void requestPath()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, path);
        ApiRequest r;
        r.target = target;
        QCOMPARE(r.path(), path);
    }

    void requestHeadersAreCaseInsensitive()
    {
        ApiRequest r;
        r.headers = {{"Content-Type", "a"}, {"content-type", "b"}, {"ORIGIN", "o"}};
        QCOMPARE(r.header("content-TYPE"), QByteArray("a"));
        QCOMPARE(r.header("origin"), QByteArray("o"));
        QVERIFY(r.hasHeader("Origin"));
        QVERIFY(!r.hasHeader("Authorization"));
        QCOMPARE(r.header("authorization"), QByteArray());
    }

    void responseBytes()
    {
        ApiResponse r = ApiResponse::text("OK");
        r.setHeader("Access-Control-Allow-Origin", "*");
        QCOMPARE(r.serialize(), QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 2\r\n"
                                           "Access-Control-Allow-Origin: *\r\n\r\nOK"));
        // HEAD: same head, no body.
        QCOMPARE(r.serialize(false), QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 2\r\n"
                                                "Access-Control-Allow-Origin: *\r\n\r\n"));
        r.setHeader("access-control-allow-origin", "http://x"); // replaces, whatever the case
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://x"));

        const ApiResponse e = ApiResponse::error(401, QStringLiteral("Invalid API key"));
        QCOMPARE(e.status, 401);
        QCOMPARE(e.contentType, QByteArray("application/json"));
        QCOMPARE(e.body, QByteArray(R"({"error":"401: Invalid API key"})")); // Extras' exact body
        QVERIFY(e.serialize().startsWith("HTTP/1.1 401 Unauthorized\r\n"));
        QCOMPARE(QJsonDocument::fromJson(ApiResponse::error(400, QStringLiteral("x"), QStringLiteral("text")).body)
                     .object().value(QStringLiteral("field")).toString(), QStringLiteral("text"));

        ApiResponse stream;
        stream.contentType = "multipart/x-mixed-replace; boundary=frame";
        stream.stream = true;
        stream.body = "ignored";
        QCOMPARE(stream.serialize(), QByteArray("HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=frame\r\n\r\n"));
        QCOMPARE(ApiResponse::reasonPhrase(413), QByteArray("Payload Too Large"));
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<qint64>("maxUpload");
        QTest::addColumn<QStringList>("modules");
        QTest::addColumn<int>("notices");
        const QStringList both{QStringLiteral("classify"), QStringLiteral("talkinghead")};
        const qint64 mib = 1024 * 1024;
        QTest::newRow("defaults") << QStringList() << QString() << "127.0.0.1" << 5100 << 20 * mib << both << 0;
        QTest::newRow("port 0") << QStringList{"--port", "0"} << QString() << "127.0.0.1" << 0 << 20 * mib << both << 0;
        QTest::newRow("host localhost") << QStringList{"--host", "localhost"} << QString() << "127.0.0.1" << 5100 << 20 * mib << both << 0;
        QTest::newRow("host IPv6") << QStringList{"--host", "::1"} << QString() << "::1" << 5100 << 20 * mib << both << 0;
        QTest::newRow("listen") << QStringList{"--listen"} << QString() << "Any" << 5100 << 20 * mib << both << 1;
        QTest::newRow("host 0.0.0.0 warns") << QStringList{"--host", "0.0.0.0"} << QString() << "0.0.0.0" << 5100 << 20 * mib << both << 1;
        QTest::newRow("any origin warns") << QStringList{"--cors-origin", "*"} << QString() << "127.0.0.1" << 5100 << 20 * mib << both << 1;
        QTest::newRow("upload limit") << QStringList{"--max-upload-mb", "2.5"} << QString() << "127.0.0.1" << 5100
                                      << qint64(2.5 * mib) << both << 0;
        QTest::newRow("one module, quoted") << QStringList{"--enable-modules", "\"talkinghead\""} << QString() << "127.0.0.1"
                                            << 5100 << 20 * mib << QStringList{"talkinghead"} << 0;
        QTest::newRow("order kept, duplicates dropped") << QStringList{"--enable-modules", "talkinghead, classify,talkinghead"}
                                                        << QString() << "127.0.0.1" << 5100 << 20 * mib
                                                        << QStringList{"talkinghead", "classify"} << 0;
        QTest::newRow("bad port") << QStringList{"--port", "70000"} << "--port: \"70000\" is not a port number (0–65535)"
                                  << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("bad host") << QStringList{"--host", "example.org"}
                                  << "--host: \"example.org\" is not an IP address (or localhost)"
                                  << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("listen and host") << QStringList{"--listen", "--host", "127.0.0.1"}
                                         << "--listen and --host exclude each other (--listen means every interface)"
                                         << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("key and secure") << QStringList{"--api-key", "k", "--secure"} << "--api-key and --secure exclude each other"
                                        << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("empty key") << QStringList{"--api-key", " "} << "--api-key: the key must be non-empty and contain no spaces"
                                   << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("zero upload") << QStringList{"--max-upload-mb", "0"}
                                     << "--max-upload-mb: \"0\" is not a size in MiB between 0 and 4096"
                                     << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("zero speech chars") << QStringList{"--max-speech-chars", "0"}
                                           << "--max-speech-chars: \"0\" is not a number of characters between 1 and 10000000"
                                           << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("audio seconds word") << QStringList{"--max-audio-seconds", "long"}
                                            << "--max-audio-seconds: \"long\" is not a duration in seconds between 1 and 86400"
                                            << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("bad origin") << QStringList{"--cors-origin", "ftp://example.org"}
                                    << "--cors-origin: \"ftp://example.org\" is not an origin such as "
                                       "http://192.168.1.5:8000 (scheme, host and port only) or '*'"
                                    << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("private stream without key") << QStringList{"--private-stream"}
                                                    << "--private-stream needs --api-key or --secure"
                                                    << QString() << 0 << qint64(0) << QStringList() << 0;
        QTest::newRow("unknown module") << QStringList{"--enable-modules", "classify,caption"}
                                        << "--enable-modules: unknown module \"caption\" (known: classify, talkinghead)"
                                        << QString() << 0 << qint64(0) << QStringList() << 0;
    }
    void options()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QCommandLineParser parser;
        ServerOptions::addOptions(parser);
        QVERIFY(parser.parse(QStringList{QStringLiteral("serve")} + args));
        QString actualError;
        QStringList printed;
        const auto o = ServerOptions::fromParser(parser, &actualError, &printed);
        if (!error.isEmpty()) {
            QVERIFY(!o);
            QCOMPARE(actualError, error);
            return;
        }
        QVERIFY2(o, qPrintable(actualError));
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(qint64, maxUpload);
        QFETCH(QStringList, modules);
        QFETCH(int, notices);
        if (host == QLatin1String("Any"))
            QCOMPARE(o->host, QHostAddress(QHostAddress::Any));
        else
            QCOMPARE(o->host.toString(), host);
        QCOMPARE(int(o->port), port);
        QCOMPARE(o->maxUploadBytes, maxUpload);
        QCOMPARE(o->modules, modules);
        QCOMPARE(int(printed.size()), notices);
        QVERIFY(o->apiKey.isEmpty());
    }

    void originOptions()
    {
        QCommandLineParser parser;
        ServerOptions::addOptions(parser);
        QVERIFY(parser.parse({QStringLiteral("serve"), QStringLiteral("--cors-origin"), QStringLiteral("HTTP://Example.org:80/"),
                              QStringLiteral("--cors-origin"), QStringLiteral("https://[::1]:8443"),
                              QStringLiteral("--allow-host"), QStringLiteral("Tunnel.Example")}));
        const auto o = ServerOptions::fromParser(parser, nullptr);
        QVERIFY(o);
        QCOMPARE(o->corsOrigins, (QStringList{QStringLiteral("http://example.org"), QStringLiteral("https://[::1]:8443")}));
        QCOMPARE(o->allowedHosts, QStringList{QStringLiteral("tunnel.example")});
        QVERIFY(!o->corsAnyOrigin);
        const OriginPolicy policy(*o);
        QVERIFY(policy.originAllowed("http://example.org"));
        QVERIFY(!policy.originAllowed("http://example.org:8080"));
        QVERIFY(policy.originAllowed("http://127.0.0.2:3000"));
        QVERIFY(!policy.originAllowed("null"));
        QVERIFY(policy.hostAllowed("tunnel.example:443"));
        QVERIFY(policy.hostAllowed("127.0.0.1:5100"));
        QVERIFY(!policy.hostAllowed("example.org"));
        // This machine's own name is this machine.
        const QByteArray self = QHostInfo::localHostName().toLower().toLatin1();
        QVERIFY(policy.hostAllowed(self + ":5100"));
        QVERIFY(policy.originAllowed("http://" + self + ":8000"));
    }

    void speechLimitOptions()
    {
        QCommandLineParser parser;
        ServerOptions::addOptions(parser);
        QVERIFY(parser.parse({QStringLiteral("serve")}));
        auto o = ServerOptions::fromParser(parser, nullptr);
        QVERIFY(o);
        QCOMPARE(o->maxSpeechChars, 5000);
        QCOMPARE(o->maxAudioSeconds, 600.0);
        QVERIFY(parser.parse({QStringLiteral("serve"), QStringLiteral("--max-speech-chars"), QStringLiteral("20000"),
                              QStringLiteral("--max-audio-seconds"), QStringLiteral("90")}));
        o = ServerOptions::fromParser(parser, nullptr);
        QVERIFY(o);
        QCOMPARE(o->maxSpeechChars, 20000);
        QCOMPARE(o->maxAudioSeconds, 90.0);
    }

    void apiKeyOptions()
    {
        QCommandLineParser parser;
        ServerOptions::addOptions(parser);
        QVERIFY(parser.parse({QStringLiteral("serve"), QStringLiteral("--secure"), QStringLiteral("--listen")}));
        QStringList notices;
        const auto o = ServerOptions::fromParser(parser, nullptr, &notices);
        QVERIFY(o);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(o->apiKey).hasMatch());
        QCOMPARE(notices.size(), 2);
        QVERIFY(notices[0].startsWith(QStringLiteral("WARNING: --listen")));
        QVERIFY(notices[1].contains(o->apiKey));
        QVERIFY(ServerOptions::generateApiKey() != o->apiKey);

        QCommandLineParser given;
        ServerOptions::addOptions(given);
        QVERIFY(given.parse({QStringLiteral("serve"), QStringLiteral("--api-key"), QStringLiteral("abc123")}));
        QCOMPARE(ServerOptions::fromParser(given, nullptr)->apiKey, QStringLiteral("abc123"));
    }

    void pngIsLosslessFastAndKeepsAlpha()
    {
        for (const auto format : {QImage::Format_RGBA8888, QImage::Format_ARGB32, QImage::Format_ARGB32_Premultiplied,
                                  QImage::Format_RGBA8888_Premultiplied}) {
            const QImage frame = testFrame(90, format);
            const QByteArray png = FrameHub::encodePng(frame);
            QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
            QCOMPARE(zlibLevelClass(png), 0); // zlib level 0–1: Extras' fast setting
            QImage back;
            QVERIFY(back.loadFromData(png, "PNG"));
            QVERIFY(back.hasAlphaChannel());
            const QImage expected = frame.convertToFormat(QImage::Format_RGBA8888);
            QCOMPARE(back.convertToFormat(QImage::Format_RGBA8888), expected);
        }
        // For comparison: Qt's default is zlib's default level.
        QImage img = testFrame(90);
        QByteArray defaultPng;
        QBuffer buffer(&defaultPng);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
        QCOMPARE(zlibLevelClass(defaultPng), 2);
    }

    void fpsIsClamped()
    {
        FrameHub hub;
        QCOMPARE(hub.targetFps(), 25.0);
        hub.setTargetFps(10);
        QCOMPARE(hub.targetFps(), 10.0);
        hub.setTargetFps(0);
        QCOMPARE(hub.targetFps(), 25.0);
        hub.setTargetFps(std::nan(""));
        QCOMPARE(hub.targetFps(), 25.0);
        hub.setTargetFps(-3);
        QCOMPARE(hub.targetFps(), 25.0);
        hub.setTargetFps(1e9);
        QCOMPARE(hub.targetFps(), FrameHub::kMaxFps);
        QCOMPARE(hub.tickIntervalMs(), 8);
        // A tiny rate is a slow tick, not an overflowed one (3.3e-7 fps gave a 1 ms timer).
        hub.setTargetFps(3.3e-7);
        QCOMPARE(hub.targetFps(), FrameHub::kMinFps);
        QCOMPARE(hub.tickIntervalMs(), 1000);
        hub.setTargetFps(25);
        QCOMPARE(hub.tickIntervalMs(), 40);
    }

    void hubEncodesOnlyForViewers()
    {
        FrameHub hub;
        QSignalSpy published(&hub, &FrameHub::framePublished);
        hub.submitFrame(testFrame(10));
        hub.submitFrame(testFrame(20));
        QTest::qWait(50);
        QCOMPARE(hub.stats().encoded, quint64(0)); // nobody watches: nothing is encoded in the background
        QVERIFY(hub.hasFrame());
        const QByteArray png = hub.currentPng();   // … until someone asks
        QCOMPARE(hub.stats().encoded, quint64(1));
        QImage back;
        QVERIFY(back.loadFromData(png));
        QCOMPARE(back.pixelColor(20, 20).red(), 20); // the newest frame
        QCOMPARE(hub.currentPng(), png);             // no new frame: no new encode
        QCOMPARE(hub.stats().encoded, quint64(1));
        QCOMPARE(published.size(), 1);
        QCOMPARE(hub.currentPart(), png + "\r\n" + FrameHub::kPartHeader);
    }

    void hubSharesAndRepeatsFrames()
    {
        FrameHub hub;
        hub.setTargetFps(100);
        auto viewer = std::make_unique<QObject>();
        QList<QByteArray> parts;
        connect(&hub, &FrameHub::partReady, viewer.get(), [&](const QByteArray &part) { parts.append(part); });
        hub.addViewer(viewer.get());
        QCOMPARE(hub.viewerCount(), 1);
        hub.submitFrame(testFrame(50));
        QVERIFY(QTest::qWaitFor([&] { return parts.size() >= 5; }, 10000));
        // Rendering stopped after one frame: the stream repeats it, encoded once.
        QCOMPARE(hub.stats().encoded, quint64(1));
        QVERIFY(std::all_of(parts.begin(), parts.end(), [&](const QByteArray &p) { return p == parts.first(); }));
        QVERIFY(parts.first().isSharedWith(parts.last())); // the same bytes, not copies

        // A burst of frames faster than the stream: later ones replace earlier ones before encoding.
        for (int i = 0; i < 40; ++i)
            hub.submitFrame(testFrame(100 + i));
        QVERIFY(QTest::qWaitFor([&] {
            QImage last;
            last.loadFromData(hub.currentPart().chopped(FrameHub::kPartHeader.size() + 2));
            return last.pixelColor(20, 20).red() == 139;
        }, 10000));
        QVERIFY(hub.stats().encoded < 41);
        QVERIFY(hub.stats().encoded <= hub.stats().ticks + 1); // never more encodes than parts sent

        // The last viewer gone: pacing stops.
        viewer.reset();
        QCOMPARE(hub.viewerCount(), 0);
        const quint64 ticks = hub.stats().ticks;
        QTest::qWait(100);
        QCOMPARE(hub.stats().ticks, ticks);
    }

    void serviceRouteTable_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("needsModule");
        for (const char *get : {"/api/modules", "/api/classify/labels", "/api/talkinghead/unload",
                                "/api/talkinghead/start_talking", "/api/talkinghead/stop_talking",
                                "/api/talkinghead/result_feed", "/api/talkinghead/status", "/api/talkinghead/frame.png"})
            QTest::newRow(get) << QByteArray(get) << QByteArray("GET") << (QByteArray(get) != "/api/modules");
        for (const char *post : {"/api/classify", "/api/talkinghead/load", "/api/talkinghead/set_emotion",
                                 "/api/talkinghead/load_emotion_templates", "/api/talkinghead/load_animator_settings"})
            QTest::newRow(post) << QByteArray(post) << QByteArray("POST") << true;
    }
    void serviceRouteTable()
    {
        // Every route: the other method is 405 with the right Allow, OPTIONS is a 200 preflight, and with no module
        // enabled it is 403 (except /api/modules).
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, method);
        QFETCH(bool, needsModule);
        test::PaintedBackend backend;
        test::KeywordClassifier classifier;
        FrameHub hub;
        ApiService service(ServerOptions{}, &backend, &classifier, &hub);
        auto call = [&](ApiService &s, const QByteArray &m) {
            ApiRequest r;
            r.method = m;
            r.target = path;
            const QFuture<ApiResponse> f = s.handle(r);
            return f.isFinished() ? f.result() : ApiResponse{};
        };
        const ApiResponse wrong = call(service, method == "GET" ? "POST" : "GET");
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("Allow"), method == "GET" ? QByteArray("GET, HEAD, OPTIONS") : QByteArray("OPTIONS, POST"));
        QCOMPARE(wrong.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(call(service, "OPTIONS").status, 200);
        QCOMPARE(call(service, "DELETE").status, 405);

        ServerOptions none;
        none.modules.clear();
        ApiService off(none, &backend, &classifier, &hub);
        const ApiResponse gated = call(off, method);
        QCOMPARE(gated.status, needsModule ? 403 : 200);
        QCOMPARE(call(off, "OPTIONS").status, 200);
    }

    void demandTokensCountPerSource()
    {
        test::PaintedBackend backend;
        QVERIFY(!backend.hasDemand());
        {
            DemandToken preview(&backend, DemandSource::Preview);
            DemandToken viewers(&backend, DemandSource::StreamViewers);
            QVERIFY(backend.hasDemand());
            DemandToken moved = std::move(preview);
            QVERIFY(!preview.held());
            QCOMPARE(backend.demand(DemandSource::Preview), 1);
            viewers.reset();
            QCOMPARE(backend.demand(DemandSource::StreamViewers), 0);
            QVERIFY(backend.hasDemand());
        }
        QVERIFY(!backend.hasDemand());
        // A token that outlives its backend gives nothing back to a deleted object.
        auto gone = std::make_unique<test::PaintedBackend>();
        DemandToken late(gone.get(), DemandSource::Recording);
        gone.reset();
        QVERIFY(!late.held());
    }

    void serviceHoldsViewerDemandAndAcknowledgesPublishedFrames()
    {
        // The service's own hub: frames in, one acknowledgement per frame published, StreamViewers demand exactly
        // while result_feed has viewers — with no wiring by the caller.
        test::PaintedBackend backend;
        FrameHub hub;
        ApiService service(ServerOptions{}, &backend, nullptr, &hub);
        QCOMPARE(backend.demand(DemandSource::StreamViewers), 0);
        auto viewer = std::make_unique<QObject>();
        hub.addViewer(viewer.get());
        QCOMPARE(backend.demand(DemandSource::StreamViewers), 1);
        const int acknowledgedAtJoin = backend.framesConsumed();
        QCOMPARE(acknowledgedAtJoin, 1); // a first viewer releases a frame nobody acknowledged
        auto second = std::make_unique<QObject>();
        hub.addViewer(second.get());
        QCOMPARE(backend.demand(DemandSource::StreamViewers), 1);
        QSignalSpy published(&hub, &FrameHub::framePublished);
        Q_EMIT backend.frameRendered(testFrame(30));
        QVERIFY(published.wait(5000));
        QTRY_COMPARE(backend.framesConsumed(), acknowledgedAtJoin + 1);
        viewer.reset();
        QCOMPARE(backend.demand(DemandSource::StreamViewers), 1);
        second.reset();
        QCOMPARE(backend.demand(DemandSource::StreamViewers), 0);
        QVERIFY(!backend.hasDemand());
    }

    void serviceWithoutImplementations()
    {
        // A module without an implementation is switched off rather than crashing on use.
        FrameHub hub;
        ApiService service(ServerOptions{}, nullptr, nullptr, &hub);
        QCOMPARE(service.enabledModules(), QStringList());
        ApiRequest r;
        r.method = "POST";
        r.target = "/api/classify";
        r.body = R"({"text":"hi"})";
        QCOMPARE(service.handle(r).result().status, 403);
    }
};

QTEST_MAIN(TestServerUnits)
#include "test_server_units.moc"
